# Threshold: the two commands are `make run` and `make test`; both install first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast lint format bench bench-http bench-summons messages lock clean

MO := threshold/locale/es/LC_MESSAGES/django.mo

install: $(STAMP) $(MO)

$(MO): threshold/locale/es/LC_MESSAGES/django.po $(STAMP)
	@if command -v msgfmt >/dev/null; then cd threshold && ../$(BIN)/django-admin compilemessages -v 0; \
	else echo "gettext is missing: the interface stays in English until it is installed."; fi

$(STAMP): requirements-dev.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null || { echo "Threshold needs Python 3.11 (found: $(PYTHON))."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@bash scripts/check-tools
	touch $(STAMP)

run: install
	$(BIN)/threshold local

test: install
	bash scripts/test

test-fast: install
	$(BIN)/pytest -x -q -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	THRESHOLD_MODE=test $(BIN)/mypy threshold/protocol threshold/idscan threshold/matching threshold/audit threshold/cli.py

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd threshold && ../$(BIN)/django-admin makemessages -l es --no-obsolete --ignore=static/vendor --ignore=protocol --ignore=idscan --ignore=matching
	cd threshold && ../$(BIN)/django-admin compilemessages

# Benchmarks print figures; they pass or fail nothing. The issue-sized runs take longer:
# `bench/watchlist_screen.py` (1,000,000 entries) and `bench/audit_verify.py --events 100000`.
bench: install
	$(BIN)/python bench/audit_verify.py --events 20000
	$(BIN)/python bench/idscan_parse.py
	$(BIN)/python bench/documents_generate.py --out var/bench-documents
	$(BIN)/python bench/documents_accuracy.py var/bench-documents
	$(BIN)/python bench/watchlist_screen.py --size 100000
	$(BIN)/python bench/roster_import.py

# Check-ins over HTTP: gunicorn and PostgreSQL on this machine (needs the local PostgreSQL).
bench-http: install
	$(BIN)/python bench/checkin_http.py

# Officer at the door: from the press to the summons by e-mail, SMS and on the official's page
# (needs the local PostgreSQL).
bench-summons: install
	$(BIN)/python bench/summons_latency.py

clean:
	rm -rf $(VENV) var/test-*

lock: install
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra dev -o requirements-dev.lock pyproject.toml
