# Sebaya: `make run` serves the demo site on SQLite, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
CHROMIUM := /usr/bin/chromium

.PHONY: run test setup venv messages demo static e2e-deps lint bench-pages bench-mentoring bench-certificates bench-plm bench bench-monitoring clean

# The database task worker runs beside the web server (it renders certificate PDFs) and
# stops when the server stops, whether by Ctrl+C or an error.
run: setup demo
	$(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	$(MANAGE) runserver 127.0.0.1:8000

setup: $(VENV)/.installed messages
	$(MANAGE) migrate --noinput

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

venv: $(VENV)/.installed

# Compiled translation catalogues (.mo) are built, not committed.
messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(MANAGE) compilemessages --ignore=.venv -v 0

demo:
	$(MANAGE) seed_demo

static: $(VENV)/.installed
	$(MANAGE) collectstatic --noinput -v 0

# Browser tests drive Debian's Chromium; Playwright cannot download its own here.
# The fonts give screenshots real glyphs rather than empty boxes.
E2E_DEBS := chromium fonts-liberation fonts-dejavu-core
e2e-deps:
	@test -x $(CHROMIUM) && dpkg -s $(E2E_DEBS) >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(E2E_DEBS))

# Two workers (pytest-xdist), one per core: each has its own test database, live server
# and browser. `--dist load` (xdist's default) keeps pytest-django's order on each worker,
# where the tests that empty the database (transactional and browser tests) come after
# those that need the migrations' data: `--dist loadfile` would mix them and fail. Tests
# go out one at a time (`--maxschedchunk 1`), or the slow browser tests, which come
# together in that order, land on one worker in one chunk while the other sits idle.
# PYTEST_ARGS="-n 0" runs on one process.
PYTEST_ARGS ?= -n 2 --maxschedchunk 1

test: $(VENV)/.installed messages e2e-deps
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .

bench-pages: setup demo
	$(BIN)/python bench/learner_pages.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles media .bench

# Mentor dashboard (1,000 mentees) and cascade view (10,000 people) timings, on a throwaway DB.
bench-mentoring: setup
	$(BIN)/python bench/mentoring_pages.py

# Certificates per second for 350 distinct names: batched against one document each.
bench-certificates: $(VENV)/.installed
	$(BIN)/python bench/certificates.py

# Every material of a 350-participant meeting (badges, story book ...), on a throwaway DB.
bench-plm: $(VENV)/.installed messages
	$(BIN)/python bench/plm_materials.py

# The whole site under gunicorn on PostgreSQL with national-scale data (seeded on the
# first run and kept in .bench/), driven with 50 users over loopback; prints one JSON report.
bench: $(VENV)/.installed messages
	$(BIN)/python bench/site.py

# The monitoring dashboards built with nothing cached, on the data `make bench` keeps.
bench-monitoring: $(VENV)/.installed messages
	$(BIN)/python bench/monitoring.py
