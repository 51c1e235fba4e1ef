# Herald: `make help` lists the targets.
.DEFAULT_GOAL := help
PY := .venv/bin/python
PYTEST_ARGS ?=
DIST := .build/dist
WHEEL_VENV := .build/wheel-venv

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install everything: .venv, Python packages, Kafka jars, deployment checkers
	@scripts/setup.sh

up: setup ## Set up, then run the whole pipeline locally (the demo when no feeds are configured)
	@.venv/bin/herald up

# The suite's service processes (end-to-end, fault and pipeline tests) run the installed wheel, not
# the checkout: tests/support/installed.py reads these two variables.
test: setup wheel ## Set up, build and install the wheel, then run the whole test suite (starts its own Kafka broker)
	@HERALD_TEST_PYTHON=$(CURDIR)/$(WHEEL_VENV)/bin/python HERALD_TEST_WHEEL="$$(ls $(CURDIR)/$(DIST)/herald-*.whl)" \
		$(PY) -m pytest $(PYTEST_ARGS)

wheel: setup ## Build Herald's wheel and install it, not editable, into .build/wheel-venv
	@scripts/wheel-venv.sh $(DIST) $(WHEEL_VENV)

lint: setup ## ruff lint and format check; vulture for dead code (scripts/dead_code_allowlist.py: names only frameworks call)
	@.venv/bin/ruff check services tests bench
	@.venv/bin/ruff format --check services tests bench
	@.venv/bin/vulture services tests bench scripts/dead_code_allowlist.py --min-confidence 60 --exclude tests/data

types: setup ## mypy on services/
	@.venv/bin/mypy

check: lint types test ## lint + types + tests

.PHONY: help setup up test wheel lint types check
