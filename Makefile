# ofsted-kg: `make demo` sets everything up and builds every export; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OKG := $(BIN)/ofsted-kg

.PHONY: demo test build validate stats clean-venv

$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/activate

demo: $(BIN)/activate
	$(OKG) build
	$(OKG) stats

build: $(BIN)/activate
	$(OKG) build

validate: $(BIN)/activate
	$(OKG) validate

stats: $(BIN)/activate
	$(OKG) stats

test: $(BIN)/activate
	$(BIN)/pytest -q

clean-venv:
	rm -rf $(VENV)
