# Birtutas — run `make help` for the list of targets.
SHELL := /bin/bash
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help install run test bench lint messages screenshots clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required, found " + sys.version.split()[0])'
	@$(PY) -m venv $(VENV) || { echo "Could not create $(VENV): on Debian install the venv module with 'apt-get install python3.11-venv'."; rm -rf $(VENV); exit 1; }

$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . || $(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP) ## Create .venv and install the locked dependencies

run: install ## Migrate, load the demo platform when empty, serve on http://127.0.0.1:8000
	$(BIN)/python manage.py compile_catalogs
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_platform
	$(BIN)/python manage.py load_demo --if-empty
	@$(BIN)/python manage.py demo_logins
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install ## Install test dependencies and run the whole suite
	@$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

bench: install ## Search benchmark (BENCH_DOCS=10000 to scale down; DATABASE_URL=postgres://... adds PostgreSQL)
	$(BIN)/python -m tests.benchmarks.search_bench

lint: install ## ruff
	$(BIN)/ruff check .

messages: install ## Extract UI strings into locale/*/LC_MESSAGES/django.po and compile them
	$(BIN)/python manage.py makemessages -l kk -l ru -l en --no-obsolete --ignore=.venv --ignore=tests
	$(BIN)/python manage.py compile_catalogs

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) db.sqlite3 media .pytest_media
