# The README's two promises: `make serve` (or `make build`) and `make test`, on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material's end-of-life notice is known (see README); keep build output to what needs a look.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build pages check test lighthouse bench clean

# make serve ADDR=127.0.0.1:8001 serves elsewhere. --dirty: a save rebuilds only the pages it changed.
ADDR ?= 127.0.0.1:8000
serve: $(VENV)/.site pages
	$(BIN)/mkdocs serve --dirty -a $(ADDR)

build: $(VENV)/.site pages
	$(BIN)/mkdocs build --strict

pages: $(VENV)/.site
	$(BIN)/python scripts/build_pages.py

check: $(VENV)/.site
	$(BIN)/python scripts/build_pages.py --check

test: $(VENV)/.dev
	bash scripts/ensure_test_tools.sh
	$(BIN)/python -m pytest

$(VENV)/.site: requirements.txt scripts/fetch_pagefind.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python scripts/fetch_pagefind.py
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.site
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Not a test: prints Lighthouse's four scores for the main pages (needs Node.js and npm).
lighthouse: build $(VENV)/.dev
	test -x .lighthouse/node_modules/.bin/lighthouse || npm install --prefix .lighthouse --no-audit --no-fund --silent lighthouse@13.5.0
	bash scripts/ensure_test_tools.sh
	$(BIN)/python scripts/lighthouse.py

# Not a test: what a user waits for, at 1,000 and 10,000 records, against the baseline commit,
# side by side (the whole cold build, both editions; the save-to-reload loop of make serve), then
# what reading a history of 1,000 commits costs (about 20 minutes on 2 cores). Needs the baseline
# commit in the clone. The generator phase by phase, page sizes and search: bench/run.py.
bench: $(VENV)/.dev
	$(BIN)/python bench/whole.py
	$(BIN)/python bench/history.py --records 10000 --commits 1000

clean:
	rm -rf site $(VENV) .lighthouse
