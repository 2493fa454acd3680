# Qogam's two quick-start commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test lint install install-dev assets clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# pip runs only when pyproject.toml changed since the last install (a stamp file in the venv).
install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.installed

# The browser libraries of the web app (Cytoscape.js for the network view) come from npm:
# scripts/assets.sh (status 3: skipped — no npm —, and the network view shows its lists only).
assets:
	@status=0; bash scripts/assets.sh || status=$$?; \
	if [ $$status -ne 0 ] && [ $$status -ne 3 ]; then echo "scripts/assets.sh failed ($$status)"; exit $$status; fi

## demo: install Qogam and run the main job on the bundled sample articles
demo: install assets
	$(BIN)/qogam demo

# Every test runs in one pytest process with Django configured (the language library's purity is
# checked in a subprocess); the registry's tests run again on PostgreSQL when scripts/services.sh
# can start it. The data directory of the tests is var/test, never the user's.
TESTS := DJANGO_SETTINGS_MODULE=qogam.registry.settings QOGAM_DATA_DIR=$(CURDIR)/var/test $(BIN)/python -m pytest
REGISTRY_TESTS := $(TESTS) tests/registry
PG_URL ?= postgres://qogam:$${QOGAM_PG_PASSWORD:-qogam}@127.0.0.1:5432/qogam

# The browser tests (tests/registry/browser, marker "browser") drive Debian's Chromium with
# Playwright for Python (a dev dependency); scripts/browser.sh installs Chromium as root
# (status 3: skipped, and so are those tests, except under CI=true). Playwright's own browser
# download is never used.

## lint: ruff over the code and tests, mypy over the whole package (django-stubs for the registry)
lint: install-dev
	$(BIN)/ruff check src tests benchmarks
	QOGAM_DATA_DIR=$(CURDIR)/var/test $(BIN)/mypy

## test: install the dev dependencies, lint, and run every test (SQLite, then the registry on PostgreSQL)
test: lint assets
	@status=0; bash scripts/browser.sh || status=$$?; \
	if [ $$status -ne 0 ] && [ $$status -ne 3 ]; then echo "scripts/browser.sh failed ($$status)"; exit $$status; fi
	$(TESTS)
	@status=0; bash scripts/services.sh || status=$$?; \
	if [ $$status -eq 0 ]; then \
		echo "registry tests on PostgreSQL"; DATABASE_URL="$(PG_URL)" $(REGISTRY_TESTS); \
	elif [ $$status -ne 3 ]; then \
		echo "scripts/services.sh failed ($$status)"; exit $$status; \
	fi

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache
