# The entry point for people. `make run` starts the whole system; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
# A Chinese font, so the dashboard's screenshots show characters instead of boxes (Debian's, 5 MB).
CJK_FONT := /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
DEPLOY_VENV := .venv-deploy
DEPLOY_STAMP := $(DEPLOY_VENV)/.installed
# promtool from PATH, else extracted from Debian's prometheus package (no daemon installed or started).
PROMTOOL ?= $(or $(shell command -v promtool),.tools/prometheus/usr/bin/promtool)
ROLE ?= city_office
COUNTY ?=
ORG ?=
export PYTHONPATH := $(CURDIR)
.DEFAULT_GOAL := help

.PHONY: help install run test migrate openapi openapi-check lint bench token clean \
	deploy-tools deploy-check env-example manifests clients

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

# The browser assets /docs and GraphiQL serve themselves (no CDN at run time), pinned by package-lock.json.
$(NPM_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NPM_STAMP)

# The browser tests drive Debian's Chromium (never a downloaded one); installed once when missing.
$(CHROMIUM):
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

$(CJK_FONT):
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-microhei

install: $(STAMP) $(NPM_STAMP) $(CHROMIUM) $(CJK_FONT)  ## .venv with the pinned dependencies, node_modules, Chromium, a Chinese font

run: install  ## migrate, load demo data, start the five processes; Ctrl-C stops them
	$(PY) -m devtools.run

test: install  ## the whole suite on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL is set
	$(PY) -m pytest

migrate: install  ## migrate every service's configured database
	for s in projects funds employment collaboration reporting; do $(PY) -m services.kit.migrate $$s || exit 1; done

openapi: install  ## write openapi/<service>.json and openapi/gateway.graphql
	$(PY) -m devtools.contracts write

openapi-check: install  ## fail when the exported contracts drift from the code
	$(PY) -m devtools.contracts check

clients: install  ## generate a typed Python client per service from openapi/ into var/clients (never committed)
	$(PY) -m devtools.clients var/clients

lint: install  ## ruff (style, docstrings), mypy (strict on kit, contracts, gateway) and the import rules
	$(PY) -m ruff check services gateway contracts devtools bench tests examples
	$(PY) -m mypy services gateway contracts
	$(VENV)/bin/lint-imports

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /\1\t/' | expand -t 16

bench: install  ## benchmarks (not tests): see README for the figures
	$(PY) -m bench.run

$(DEPLOY_STAMP): requirements-deploy.lock
	test -x $(DEPLOY_VENV)/bin/python || $(PYTHON) -m venv $(DEPLOY_VENV)
	$(DEPLOY_VENV)/bin/python -m pip install --quiet -r requirements-deploy.lock
	touch $(DEPLOY_STAMP)

.tools/prometheus/usr/bin/promtool:
	mkdir -p .tools/deb
	cd .tools/deb && (apt-get download prometheus || (apt-get update -qq && apt-get download prometheus))
	dpkg-deb -x $$(ls .tools/deb/prometheus_*.deb | head -1) .tools/prometheus

deploy-tools: $(DEPLOY_STAMP) $(PROMTOOL)  ## the validators: .venv-deploy (requirements-deploy.lock) and promtool

deploy-check: install deploy-tools  ## validate Dockerfile, compose, Kubernetes manifests, dashboard, rules, .env.example
	$(PY) -m devtools.envfile check
	PROMTOOL=$(PROMTOOL) $(DEPLOY_VENV)/bin/python -m devtools.deploy_check

env-example: install  ## regenerate deploy/.env.example from the Settings classes
	$(PY) -m devtools.envfile write

manifests: deploy-tools  ## regenerate deploy/kubernetes/ from devtools/manifests.py
	$(DEPLOY_VENV)/bin/python -m devtools.manifests write

token: install  ## make token ROLE=county_office COUNTY=450225 [ORG=...] [FEEDS=projects,funds]
	@$(PY) -m services.kit.token $(ROLE) $(COUNTY) $(ORG)

clean:  ## remove var/ (SQLite files, clock offset, screenshots) and caches
	rm -rf var .pytest_cache
