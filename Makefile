# ofsted-kg. `make demo` sets everything up and builds every export; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OKG := $(BIN)/ofsted-kg

.PHONY: demo exports test validate stats readme-stats

# The virtual environment, rebuilt when the dependencies change.
$(BIN)/activate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/activate

## Every committed export, from data/ and ontology/ (CI checks they are up to date).
exports: $(BIN)/activate
	$(OKG) build
	$(OKG) export
	$(OKG) timeline
	$(OKG) viz
	$(OKG) docs

## The README's picture of the network page at 1280x800 (needs Debian's chromium).
.PHONY: screenshot
screenshot: exports
	$(BIN)/python -m graph.browser exports/network.html docs/network.png --search Goldsmith

demo: exports
	@$(OKG) stats
	@echo
	@echo "Built. Where to look:"
	@echo "  exports/ofsted-kg.ttl .trig .nt .jsonld  the graph (Turtle union, named graphs, N-Triples, JSON-LD)"
	@echo "  exports/ontology.html                    the ontology's documentation (opens offline)"
	@echo "  file://$(CURDIR)/exports/network.html"
	@echo "                                           the network page: search a name, read each quote with its source"
	@echo "  exports/timeline.svg                     grades over time per authority"
	@echo "  exports/ofsted-kg.gexf .graphml nodes.csv edges.csv  the network for Gephi and Kumu"
	@echo "  $(OKG) queries                        ready SPARQL questions; run one: $(OKG) query --cq NAME"
	@echo "  $(OKG) serve                          a SPARQL endpoint and query page on http://127.0.0.1:7878/"
	@echo "  $(OKG) viz --focus Goldsmith --depth 2 --out goldsmith.html   one person's neighbourhood"
	@echo "  $(OKG) ingest ARTICLE.txt             draft claims from a new article (then: $(OKG) evaluate)"
	@echo "  $(OKG) --help                         every command"

test: $(BIN)/activate
	$(BIN)/pytest -q

validate: $(BIN)/activate
	$(OKG) validate

stats: $(BIN)/activate
	$(OKG) stats

## Refresh the counts shown in README.md (a test checks they are current).
readme-stats: exports
	$(BIN)/python scripts/readme_stats.py

## Benchmark synthetic graphs of 10k, 100k and 1M triples against rdflib (about 6.5 minutes on 2 cores);
## writes bench/results.json, results.md, scaling.svg and the table in README.md.
.PHONY: bench
$(VENV)/bench-installed: $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

bench: $(VENV)/bench-installed
	$(OKG) bench --readme README.md
