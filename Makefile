# Paritrana — two commands: `make demo` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
UV_VERSION := 0.13.8
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000

.PHONY: messages demo test test-sqlite test-postgres lint bench loadtest lock install clean help

help:
	@echo "make demo   - set up, load reference data and demo accounts, serve on http://$(DEMO_HOST):$(DEMO_PORT)"
	@echo "make test   - set up and run the whole suite (SQLite, and PostgreSQL when PARITRANA_TEST_DATABASE_URL is set)"
	@echo "make lint   - ruff and mypy"
	@echo "make bench  - benchmarks, written to docs/performance.md"

$(STAMP): pyproject.toml requirements.lock scripts/ensure-system.sh $(wildcard src/paritrana/locale/*/LC_MESSAGES/*.po)
	@scripts/ensure-system.sh base
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv pip sync -q --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	$(BIN)/python scripts/compile_messages.py
	@touch $@

install: $(STAMP)

demo: install
	$(BIN)/paritrana demo setup
	$(BIN)/paritrana serve --host $(DEMO_HOST) --port $(DEMO_PORT)

# The suite runs on SQLite; then, when a PostgreSQL URL is given (CI always gives one), the
# tests that touch the database run again on PostgreSQL.
test: install
	@scripts/ensure-system.sh test
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$PARITRANA_TEST_DATABASE_URL" ]; then \
		$(MAKE) --no-print-directory test-postgres; \
	else \
		echo "PostgreSQL pass skipped: set PARITRANA_TEST_DATABASE_URL=postgres://USER@HOST:5432/DB to run it."; \
	fi

test-sqlite: install
	@rm -f var/test-postgres.ok
	env -u DATABASE_URL $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

test-postgres: install
	@rm -f var/test-postgres.ok
	DATABASE_URL="$$PARITRANA_TEST_DATABASE_URL" PARITRANA_TEST_DB_ONLY=1 $(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)
	@mkdir -p var && date -u +%FT%TZ > var/test-postgres.ok

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

bench: install
	$(BIN)/paritrana bench --scale national

# The public results page and a scorecard at 50 clients for 60 s against gunicorn on
# PostgreSQL with the demo data (a database of its own), beside a static file; writes the
# "load" section of docs/performance.md. LOAD_CLIENTS, LOAD_SECONDS, LOAD_WORKERS override.
loadtest: install
	$(BIN)/python scripts/loadtest.py

# Extract translatable strings into the .po files (developers; needs GNU gettext).
messages: install
	cd src/paritrana && DJANGO_SETTINGS_MODULE=paritrana.settings ../../$(BIN)/python -m django makemessages -l id --no-obsolete --no-location -i "analytics/*" -i "scoring/*"

# Re-resolve the pinned lock from pyproject.toml (needs network to PyPI).
lock: install
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
