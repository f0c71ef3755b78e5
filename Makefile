# The two commands a newcomer needs: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

# Tests run on Postgres and Redis: the local servers unless told otherwise.
TEST_DATABASE_URL ?= $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/backoffice)
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
TEST_ENV := DATABASE_URL=$(TEST_DATABASE_URL) TEST_REDIS_URL=$(TEST_REDIS_URL) REDIS_URL= \
	SECRET_KEY=tests-only-not-secret ALLOWED_HOSTS=localhost,127.0.0.1,testserver \
	SECURE_SSL_REDIRECT=false DEBUG=false

# One test process per core (pytest-xdist). `loadgroup` hands out single tests
# in collection order, so each process still runs the flushing (transactional)
# tests after the others; a module marked `xdist_group` stays on one process.
TEST_WORKERS ?= auto
# Locally the test databases are kept between runs (new migrations are still
# applied; `make test TEST_DB=--create-db` rebuilds them). CI builds them afresh.
TEST_DB ?= $(if $(CI),--create-db,--reuse-db)
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(TEST_DB) --durations=15

.PHONY: install run test test-deep bench lint format messages worker beat

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# The product with demo data on the embedded defaults (SQLite, in-process tasks).
run: install
	DEBUG=true $(PY) manage.py migrate --noinput
	DEBUG=true $(PY) manage.py seed_demo
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

test: install
	@$(TEST_ENV) $(PY) manage.py check_services --redis-url $(TEST_REDIS_URL)
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(PYTEST) $(PYTEST_ARGS)

# The same suite with many more property-test examples (Hypothesis profile
# `deep`, registered in tests/conftest.py): nightly, or after touching money.
test-deep: install
	@$(TEST_ENV) $(PY) manage.py check_services --redis-url $(TEST_REDIS_URL)
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(PYTEST) --hypothesis-profile=deep $(PYTEST_ARGS)

bench: install
	@$(TEST_ENV) $(PY) manage.py check_services --redis-url $(TEST_REDIS_URL)
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(TEST_ENV) BENCH_DATABASE_URL=$(or $(BENCH_DATABASE_URL),postgres://postgres@127.0.0.1:5432/backoffice_bench) \
		$(PY) -m tests.bench $(BENCH_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

messages: install
	DEBUG=true $(PY) manage.py makemessages --locale ro --ignore '.venv/*' --ignore 'staticfiles/*'
	DEBUG=true $(PY) manage.py compilemessages --locale ro --ignore '.venv/*'

worker: install
	$(PY) -m celery -A backoffice worker --loglevel INFO

beat: install
	$(PY) -m celery -A backoffice beat --loglevel INFO
