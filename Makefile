# flashpoint: two commands on a fresh machine.
#   make demo   creates .venv, installs the pinned dependencies, ingests the sample corpus
#   make test   installs what the tests need and runs lint, types and the whole suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: demo test lint bench lock clean install screenshots

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "flashpoint needs Python 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements-bootstrap.lock

$(VENV)/.installed: $(BIN)/python requirements-bootstrap.lock requirements.lock pyproject.toml
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.lock
	$(PIP) install --require-hashes -r requirements-test.lock
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/flashpoint demo --db flashpoint.db

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests benchmarks training evaluation
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

# Refresh the dashboard screenshots the README shows (headless Chromium, see tests/test_dashboard.py).
screenshots: $(VENV)/.test-installed
	FLASHPOINT_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/test_dashboard.py

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/throughput.py

# Re-pin after changing dependencies in pyproject.toml (needs pip-tools).
lock:
	pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links --extra test -o requirements-test.lock pyproject.toml

clean:
	rm -rf $(VENV) flashpoint.db flashpoint.db-wal flashpoint.db-shm .pytest_cache .mypy_cache .ruff_cache
