# Ciment: `make run` starts the whole stack locally; `make test` runs every test.
SHELL := /bin/bash
JAVA_HOME ?= $(shell ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/temurin-[3-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -n 1)
export JAVA_HOME
MVN := mvn -B -ntp
VENV := .venv
PYTHON ?= python3

.PHONY: run test bench venv clean

$(VENV)/.installed: local/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -r local/requirements.txt
	touch $@

venv: $(VENV)/.installed

test: venv
	$(MVN) verify

clean:
	$(MVN) -q clean
