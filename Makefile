# The front door. `make run` serves the site; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/kayano14hub

# The first Python >= 3.12 found: PYTHON if given, then the usual names, then pyenv's versions.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -r); do \
	if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then echo "$$p"; break; fi; done)

.PHONY: help install lock run test lint format migrations-check backup restore bench lighthouse screenshots

help:
	@echo "make run    set everything up and serve the site on http://127.0.0.1:$(PORT)"
	@echo "make test   set everything up and run the whole test suite on PostgreSQL"
	@echo "make lint   ruff check and format check"
	@echo "make lock   re-resolve every dependency in a fresh venv and pin it in requirements.lock"
	@echo "make bench  load benchmark data and measure every page type (see docs/performance.md)"
	@echo "make lighthouse  Lighthouse scores on a phone for the main pages (npm, Chromium)"
	@echo "make screenshots  every page type at 390x844 and 1366x900 in screenshots/ (Chromium)"
	@echo "make backup / make restore [BACKUP=var/backups/<folder>]   database and media"

$(VENV)/.installed: pyproject.toml requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
		echo "Kayano 14 Hub needs Python 3.12 or newer, and none was found."; \
		echo "Install one (e.g. 'pyenv install 3.12') or point to it: make run PYTHON=/path/to/python3.12"; \
		exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

# requirements.lock pins every distribution `make install` puts in .venv. After a change
# to the dependencies in pyproject.toml (or to take upgrades), run `make lock`.
lock:
	@rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet -e '.[dev]'
	@{ echo "# Every distribution the site and its tests install, pinned. Regenerate: make lock"; \
	   .venv-lock/bin/python -m pip freeze --exclude-editable; } > requirements.lock
	@rm -rf .venv-lock
	@echo "requirements.lock: $$(grep -c '==' requirements.lock) pinned distributions"

var/dev-secret-key:
	@mkdir -p var
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# Serves the site as readers see it (DEBUG off: the designed error pages, static files
# from the collected, compressed set) on plain HTTP at 127.0.0.1. DEBUG=1 make run gives
# Django's debug pages and serves the static files as they are edited.
run: install var/dev-secret-key
	@export SECRET_KEY=$${SECRET_KEY:-$$(cat var/dev-secret-key)} \
		ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost,[::1]} \
		SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} SECURE_HSTS_SECONDS=$${SECURE_HSTS_SECONDS:-0} \
		SECURE_COOKIES=$${SECURE_COOKIES:-0} SERVE_MEDIA=$${SERVE_MEDIA:-1}; \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	$(PY) manage.py load_demo_content && \
	$(PY) manage.py ensure_admin && \
	echo "Serving Kayano 14 Hub on http://127.0.0.1:$(PORT) (Ctrl-C to stop)" && \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	SECRET_KEY=check $(PY) manage.py makemigrations --check --dry-run

backup: install
	$(PY) manage.py backup

restore: install
	$(PY) manage.py restore $(BACKUP)

# Benchmark database next to DATABASE_URL's (default the local server), results in bench-results/.
bench: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) -m bench.measure

# Lighthouse scores on a phone profile for the main pages, on the benchmark data.
lighthouse: install
	DATABASE_URL=$${DATABASE_URL:-$(TEST_DATABASE_URL)} $(PY) -m bench.lighthouse

# Every page type at a phone's and a desktop's size, in screenshots/ (a throwaway site on
# SQLite with the demo content, DEBUG off; Debian's Chromium).
screenshots: install
	$(PY) scripts/screenshots.py
