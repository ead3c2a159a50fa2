# The README's two commands: `make run` and `make test`. Both set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench check install clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[nlp,dev]"
	touch $(STAMP)

run: install
	$(BIN)/hipdx interview

test: install
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m benchmarks

check: install
	$(BIN)/ruff check hipdx tests benchmarks
	$(BIN)/mypy hipdx

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
