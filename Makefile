# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# Settings from .env when it exists (see .env.example); the environment wins over it.
-include .env
export

.PHONY: run test test-fast setup lint vendor bench clean demo-reset

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalled only when a requirements file changes, so a second `make run` is quick.
$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

setup: $(VENV)/.installed-run
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py migrate --no-input
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py collectstatic --no-input --verbosity 0
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py seed_demo

## Set up on the SQLite default with demo data and serve on http://127.0.0.1:8000 (Django's runserver),
## with a round of due reminders every REMINDER_INTERVAL_SECONDS beside it (stopped with the server).
run: setup
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py send_reminders --every & reminders=$$!; \
	trap 'kill $$reminders 2>/dev/null' EXIT INT TERM; \
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Set up the test environment and run the whole suite (honours DATABASE_URL).
test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

## Everything but the browser tests, for the edit-test loop.
test-fast: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m "not browser"

## Time the hot paths (saving with triage, pages with 500 entries, retriage, triage_eval).
bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

## Style, import contracts (what may import what) and types.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

## Refresh the vendored Bootstrap files from the npm registry (version pinned in package.json).
vendor:
	rm -rf node_modules && npm install --no-audit --no-fund --ignore-scripts
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/LICENSE static/vendor/bootstrap/
	sed -i 's@/\*# sourceMappingURL=.*\*/@@; s@//# sourceMappingURL=.*@@' static/vendor/bootstrap/bootstrap.min.css static/vendor/bootstrap/bootstrap.bundle.min.js

## Throw away the local SQLite database and start again with fresh demo data.
demo-reset:
	rm -f db.sqlite3
	$(MAKE) setup

clean:
	rm -rf $(VENV) staticfiles .pytest_cache test-artifacts
