# The README's two commands: `make run` and `make test`. Both set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench check bn-check install system-deps clean

install: $(STAMP)

# Browser and database server for the browser and PostgreSQL tests, from Debian.
system-deps:
	@if ! command -v chromium >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium postgresql; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[nlp,web,postgres,interop,scale,eval,dev]"
	touch $(STAMP)

run: install
	$(BIN)/hipdx serve --host 127.0.0.1 --port 8000

test: install system-deps
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m benchmarks

check: install
	$(BIN)/ruff check hipdx tests benchmarks checks
	$(BIN)/mypy hipdx

# The Bayesian-network export read back by pgmpy 1.x, in its own numpy-2 environment.
bn-check: install
	test -x .venv-check/bin/python || $(PYTHON) -m venv .venv-check
	.venv-check/bin/pip install -q -r checks/requirements.txt
	.venv-check/bin/python -W ignore checks/bn_export_check.py --hipdx $(BIN)/hipdx

clean:
	rm -rf $(VENV) .venv-check .pytest_cache .mypy_cache .ruff_cache
