# Two commands do all set-up on a fresh machine with only Python 3.11+:
#   make run   - creates .venv, installs KhốiBot, runs it (Telegram if a token is set, else the console chat)
#   make test  - creates .venv, installs the test dependencies, runs ruff, mypy and the whole test suite
VENV ?= .venv
# The first interpreter that is 3.11 or newer; `python3` alone may be older on some machines.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
BIN := $(VENV)/bin

.PHONY: run console test lint bench revision install install-test clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Cần Python 3.11 trở lên (Python 3.11+ is required)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps re-run the install when pyproject.toml changes.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: $(VENV)/.installed
	$(BIN)/khoibot run

console: $(VENV)/.installed
	$(BIN)/khoibot console

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks $(ARGS)

# A migration for the models' changes (developers): make revision MSG="what changed"
revision: $(VENV)/.installed
	$(BIN)/python -m storage.migrations.new $(MSG)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
