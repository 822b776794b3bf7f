# Birtutas — run `make help` for the list of targets.
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist), one test file per worker at a time, so
# module-scoped fixtures (the demo platform) are built once per file. The browser tests
# run in a second pytest run: they commit the demo platform to their test database,
# which the other tests must never see. BROWSER=0 leaves them out.
PYTEST_WORKERS ?= auto
BROWSER ?= 1
# make screenshots: a scratch server on this port, unless BASE_URL points at a running one.
SCREENSHOT_PORT ?= 8765
BASE_URL ?=
SCREENSHOT_ARGS ?=

.PHONY: help install run test chromium bench lint messages screenshots clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required, found " + sys.version.split()[0])'
	@$(PY) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian install the venv module with 'apt-get install python3.11-venv'."; rm -rf $(VENV); exit 1; }

$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

run: install ## Migrate, load the demo platform when empty, serve on http://127.0.0.1:8000
	$(BIN)/python manage.py compile_catalogs
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_platform
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py publish_scheduled
	@$(BIN)/python manage.py demo_logins --host $(HOST) --port $(PORT)
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install chromium ## Install test dependencies and Chromium, run the whole suite (browser tests included)
	@$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser" $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; \
	if [ $$rc -ne 0 ] || [ "$(BROWSER)" = "0" ]; then exit $$rc; fi; \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist load -m browser $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no browser tests: failing"; exit 1; fi; exit $$rc

# The browser tests (tests/browser) drive Debian's Chromium; they fail, never skip,
# when it is missing.
chromium:
	@if [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" -eq 0 ]; then \
	  echo "Installing Chromium for the browser tests (apt-get install -y chromium)"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
	  echo "Chromium is missing: the browser tests need /usr/bin/chromium."; \
	  echo "Install it as root with: apt-get update && apt-get install -y chromium"; \
	  exit 1; \
	fi

screenshots: install ## PNGs of the main pages (kk/ru/en, desktop and mobile, VI mode, catalogue) into themes/screenshots/; BASE_URL=http://... uses a running server
	@if [ -n "$(BASE_URL)" ]; then \
	  $(BIN)/python manage.py screenshots --base-url "$(BASE_URL)" $(SCREENSHOT_ARGS); exit $$?; \
	fi; \
	scratch=$$(mktemp -d); \
	export DATABASE_URL="sqlite:///$$scratch/db.sqlite3" MEDIA_ROOT="$$scratch/media" DEBUG=1; \
	trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null; rm -rf "$$scratch"' EXIT; \
	echo "Loading the demo platform into $$scratch"; \
	$(BIN)/python manage.py migrate --noinput >/dev/null && \
	$(BIN)/python manage.py setup_platform >/dev/null && \
	$(BIN)/python manage.py load_demo >/dev/null || exit 1; \
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(SCREENSHOT_PORT) >"$$scratch/server.log" 2>&1 & server=$$!; \
	for i in $$(seq 60); do \
	  curl -fs -o /dev/null http://127.0.0.1:$(SCREENSHOT_PORT)/healthz && break; sleep 0.5; \
	done; \
	$(BIN)/python manage.py screenshots --base-url http://127.0.0.1:$(SCREENSHOT_PORT) $(SCREENSHOT_ARGS)

bench: install ## Search benchmark (BENCH_DOCS=10000 to scale down; DATABASE_URL=postgres://... adds PostgreSQL)
	$(BIN)/python -m tests.benchmarks.search_bench

lint: install ## ruff
	$(BIN)/ruff check .

messages: install ## Extract UI strings, fill them from locale/pending/*.json, compile
	$(BIN)/python manage.py makemessages -l kk -l ru -l en --no-obsolete --ignore=.venv --ignore=tests
	$(BIN)/python manage.py merge_translations

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) db.sqlite3 media .pytest_media
