# Chiang Khian CMS. `make run` serves the demo site, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Settings derive the development SITE_URL (links in e-mails, the request form) from it.
export PORT
# Development and tests run with DEBUG on (SQLite, console e-mail); production sets DEBUG=0.
export DEBUG ?= 1

.PHONY: run serve test test-browser lint format messages bench clean setup

run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production stack on this machine (nginx, gunicorn, PostgreSQL, Redis, DEBUG off) with the
# demo data, at http://127.0.0.1:8080/ (PORT=... for another port); see deploy/serve.sh.
serve: $(VENV)/.installed
	PORT=$(if $(filter command line environment,$(origin PORT)),$(PORT),8080) deploy/serve.sh

# Requests/s and server CPU per request of the main pages on that stack (deploy/bench.py);
# BENCH_ITEMS=100000 for the large data set. A benchmark: it fails on nothing.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "make bench needs wrk: sudo apt-get install wrk"; exit 1; }
	PORT=$(if $(filter command line environment,$(origin PORT)),$(PORT),8090) $(BIN)/python deploy/bench.py

test: $(VENV)/.installed
	$(BIN)/pytest $(ARGS)

test-browser: $(VENV)/.installed
	$(BIN)/pytest -m browser $(ARGS)

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	@$(PYTHON) chiangkhian/checksystem.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(VENV)/.installed
	$(BIN)/python manage.py makemessages -l th --no-obsolete --ignore=.venv --ignore=var
	$(BIN)/python manage.py makemessages -d djangojs -l th --no-obsolete --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages -l th --ignore=.venv

clean:
	rm -rf $(VENV) var
