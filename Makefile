# Qogam's two quick-start commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install install-dev clean

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

## demo: install Qogam and run the main job on the bundled sample articles
demo: install
	$(BIN)/qogam demo

# The registry's tests need Django in their own process (the language library's tests check
# that it never imports Django), and run again on PostgreSQL when scripts/services.sh can start it.
REGISTRY_TESTS := DJANGO_SETTINGS_MODULE=qogam.registry.settings QOGAM_DATA_DIR=$(CURDIR)/var/test $(BIN)/python -m pytest tests/registry
PG_URL ?= postgres://qogam:$${QOGAM_PG_PASSWORD:-qogam}@127.0.0.1:5432/qogam

# The browser tests (tests/registry/browser, marker "browser") drive Debian's Chromium with
# Playwright for Python (a dev dependency); scripts/browser.sh installs Chromium as root
# (status 3: skipped, and so are those tests, except under CI=true). Playwright's own browser
# download is never used.

## test: install the dev dependencies and run every test (registry on SQLite, then PostgreSQL)
test: install-dev
	$(BIN)/python -m pytest
	@status=0; bash scripts/browser.sh || status=$$?; \
	if [ $$status -ne 0 ] && [ $$status -ne 3 ]; then echo "scripts/browser.sh failed ($$status)"; exit $$status; fi
	$(REGISTRY_TESTS)
	@status=0; bash scripts/services.sh || status=$$?; \
	if [ $$status -eq 0 ]; then \
		echo "registry tests on PostgreSQL"; DATABASE_URL="$(PG_URL)" $(REGISTRY_TESTS); \
	elif [ $$status -ne 3 ]; then \
		echo "scripts/services.sh failed ($$status)"; exit $$status; \
	fi

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache
