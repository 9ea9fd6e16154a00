# Two commands for a fresh machine with only python3 (>= 3.11): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/rencontres migrate --no-input
	$(BIN)/rencontres collectstatic --no-input --verbosity 0
	$(BIN)/rencontres load_demo
	@echo "Rencontres : http://127.0.0.1:$(PORT)/"
	$(BIN)/gunicorn rencontres.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --access-logfile -

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)
