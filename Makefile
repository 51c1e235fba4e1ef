# Herald: `make help` lists the targets.
.DEFAULT_GOAL := help
PY := .venv/bin/python
PYTEST_ARGS ?=

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Install everything: .venv, Python packages, Kafka jars, deployment checkers
	@scripts/setup.sh

up: setup ## Set up, then run the whole pipeline locally (the demo when no feeds are configured)
	@.venv/bin/herald up

test: setup ## Set up, then run the whole test suite (starts its own Kafka broker)
	@$(PY) -m pytest $(PYTEST_ARGS)

lint: setup ## ruff lint and format check
	@.venv/bin/ruff check services tests bench
	@.venv/bin/ruff format --check services tests bench

types: setup ## mypy on services/
	@.venv/bin/mypy

check: lint types test ## lint + types + tests

.PHONY: help setup up test lint types check
