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
# Which non-browser tests run: .ci/run's PostgreSQL pass narrows this to the modules
# whose code path differs by database (marker both_databases, see tests/conftest.py).
PYTEST_MARK ?= not browser
# make screenshots: a scratch server on this port, unless BASE_URL points at a running one.
SCREENSHOT_PORT ?= 8765
BASE_URL ?=
SCREENSHOT_ARGS ?=

.PHONY: help install run test chromium bench bench-pages relevance lint messages screenshots clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required, found " + sys.version.split()[0])'
	@$(PY) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian install the venv module with 'apt-get install python3.11-venv'."; rm -rf $(VENV); exit 1; }

$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	@printf "  Installing the locked dependencies into $(VENV) (first run only)..."
	@start=$$(date +%s); $(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  -r requirements.lock >$(VENV)/install.log 2>&1 || { echo " failed"; \
	  tail -n 30 $(VENV)/install.log; echo "pip install failed: full output in $(VENV)/install.log"; \
	  exit 1; }; echo " $$(( $$(date +%s) - start )) s"
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

# One process prepares and serves (see cms/core/management/commands/prepare.py): one
# line per phase on the terminal, the phases' output in run.log.
run: install ## Migrate, load the demo platform when empty, serve on http://$(HOST):$(PORT) (make run PORT=8123)
	@HOST=$(HOST) PORT=$(PORT) WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) \
	  $(BIN)/python manage.py prepare --log run.log --serve $(HOST):$(PORT)

test: install chromium ## Install test dependencies and Chromium, check the import floors, run the whole suite (browser tests included)
	@bash tests/run_suite.sh "$(BIN)/python" "$(PYTEST_WORKERS)" "$(PYTEST_MARK)" "$(BROWSER)" $(PYTEST_ARGS)

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
	PYTHONHASHSEED=0 $(BIN)/python -m tests.benchmarks.search_bench

relevance: install ## Judged query set (search/relevance/queries.json) on the demo platform: nDCG@10, MRR, answer in top 3 per language and engine (DATABASE_URL=postgres://... adds PostgreSQL; osmem-server when installed)
	$(BIN)/python -m tests.benchmarks.relevance

bench-pages: install ## Page benchmark: gunicorn on loopback, pages cached/uncached vs a minimal view, then admin views at 10/100/1,000 agencies (BENCH_AGENCIES=5, BENCH_ADMIN_LEVELS=10,100 to scale down; table in BENCH_OUT or /tmp/pages_bench.md)
	$(BIN)/python -m tests.benchmarks.pages_bench
	$(BIN)/python -m tests.benchmarks.admin_scale
	$(BIN)/python -m tests.benchmarks.sitemap_scale

lint: install ## ruff and the import floors (lint-imports)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

messages: install ## Extract UI strings, fill them from locale/pending/*.json, compile
	$(BIN)/python manage.py makemessages -l kk -l ru -l en --no-obsolete --ignore=.venv --ignore=tests
	$(BIN)/python manage.py merge_translations

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) db.sqlite3 media .pytest_media .test-db-cache
