# Two commands for a fresh machine with only python3 (>= 3.11): `make run` and `make test`.
# Both install the exact versions of requirements/*.txt, compiled from pyproject.toml by `make lock`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in emails point where `make run` serves, unless set otherwise.
export RENCONTRES_SITE_URL ?= http://127.0.0.1:$(PORT)
PYTEST_ARGS ?=

.PHONY: run test lint lock install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml requirements/run.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/run.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml requirements/test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

DATA_DIR ?= $(or $(RENCONTRES_DATA_DIR),var)

# The key that signs sessions and links, written once into the data folder (settings.py reads it).
$(DATA_DIR)/secret_key:
	mkdir -p $(DATA_DIR)
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: install $(DATA_DIR)/secret_key
	$(BIN)/rencontres migrate --no-input
	$(BIN)/rencontres collectstatic --no-input --verbosity 0
	$(BIN)/rencontres load_demo
	@echo "Rencontres : http://127.0.0.1:$(PORT)/"
	$(BIN)/gunicorn rencontres.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --access-logfile -

test: install-test
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# Style, formatting and the import contracts (faces above domain apps, domain apps in one order).
lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

# Pin every dependency again after a change to pyproject.toml.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --quiet -o requirements/run.txt
	$(BIN)/uv pip compile pyproject.toml --extra s3 --python-version 3.11 --quiet -o requirements/s3.txt
	$(BIN)/uv pip compile pyproject.toml --extra test --extra s3 --python-version 3.11 --quiet -o requirements/test.txt
