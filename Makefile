# Two commands on a fresh machine with python3 (>= 3.11) and make:
#   make report   render the reports for the seed story into reports/
#   make test     run the whole test suite (lint, unit, property and notebook tests)
# Both create the pinned environment in .venv first (only that step uses the network).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OFFLINE := sh tests/offline.sh
REPORTS ?= reports
EXPORTS ?= exports
# Your own story: make report MANIFEST=path/to/manifest.csv SETTINGS=path/to/story.toml \
#                 STORY=story-id TERMS=troops,withdrawal REPORTS=reports/mine
MANIFEST ?=
STORY ?=
SETTINGS ?=
TERMS ?=
STORY_ARGS = $(if $(MANIFEST),--manifest $(MANIFEST)) $(if $(STORY),--story $(STORY)) \
	$(if $(SETTINGS),--settings $(SETTINGS)) $(if $(TERMS),--terms $(TERMS))

.PHONY: all venv test lint report export lab bench constraints clean

all: test report

$(STAMP): requirements.txt constraints.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
		|| { echo "error: $(PYTHON) is older than Python 3.11; run: make PYTHON=python3.11 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m analysis.offline prepare  # writes the offline NLTK data once
	touch $@

venv: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check analysis tests benchmarks notebooks

test: lint
	$(OFFLINE) $(BIN)/python -m pytest

report: $(STAMP)
	$(OFFLINE) $(BIN)/python -m analysis report --out $(REPORTS) $(STORY_ARGS)
	@echo "Reports written to $(REPORTS)/ (open $(REPORTS)/index.html)"

export: $(STAMP)
	$(BIN)/python -m analysis export --out $(EXPORTS) $(STORY_ARGS)

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

constraints:
	rm -rf .venv-freeze && $(PYTHON) -m venv .venv-freeze
	.venv-freeze/bin/python -m pip install --quiet -r requirements.txt
	{ echo "# Every package of the environment, pinned: pip install -r requirements.txt -c constraints.txt"; \
	  echo "# Regenerate with: make constraints (after changing requirements.txt)"; \
	  .venv-freeze/bin/python -m pip freeze; } > constraints.txt
	rm -rf .venv-freeze

clean:
	rm -rf $(VENV) $(REPORTS) $(EXPORTS) .pytest_cache .ruff_cache .hypothesis
