# dossiergen — `make` installs and builds every dossier; `make test` runs the test suite.
.DELETE_ON_ERROR:
.DEFAULT_GOAL := all

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOSSIERS := $(wildcard dossiers/*.yaml)

.PHONY: all install build check test test-snel lint typecheck bench fuzz clean huisstijl praktijktest

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,werkbank]'
	touch $@

install: $(STAMP)

# One dossiergen process builds everything: it skips what is up to date (content hashes, not
# mtimes) and runs dossiers in parallel itself, so `make -j` changes nothing and collides nowhere.
build: $(STAMP)
	$(BIN)/dossiergen build dossiers --output-dir build

check: $(STAMP)
	$(BIN)/dossiergen check dossiers

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The fast set for while you work: no LibreOffice, no hypothesis, no fuzzing.
test-snel: $(STAMP)
	$(BIN)/python -m pytest -q -m "not libreoffice and not property and not fuzz and not slow and not browser"

# A practice from scratch as a new user would: the wheel in a fresh environment, init, nieuw,
# the bureau's name in every header, an own template, the editor's schemas offline, pre-commit.
praktijktest: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_praktijk_installatie.py tests/test_editor_lsp.py

lint: $(STAMP)
	$(BIN)/ruff check dossiergen tests scripts bench
	$(BIN)/ruff format --check dossiergen tests scripts bench
	$(BIN)/mypy

typecheck: lint

bench: $(STAMP)
	$(BIN)/python bench/bench.py
	$(BIN)/python bench/werkbank.py

# 10,000 mutations of the examples through check, timeline, agenda and documents (a few minutes).
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz.py

huisstijl: $(STAMP)
	$(BIN)/python scripts/maak_huisstijl.py templates/huisstijl.docx

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .hypothesis
