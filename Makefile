# Ciment: `make run` starts the whole stack locally; `make test` runs every test.
SHELL := /bin/bash
JAVA_HOME := $(shell scripts/java-home)
ifeq ($(JAVA_HOME),)
$(error no JDK 21 or newer: see scripts/java-home)
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
MVN := mvn -B -ntp
VENV := .venv
PYTHON ?= python3
# The SAM CLI sends no usage data from here (and CI has no route for it).
export SAM_CLI_TELEMETRY := 0

.PHONY: run test lint sam-build bench soak venv clean

$(VENV)/.installed: local/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q -r local/requirements.txt
	touch $@

# cfn-lint and the SAM CLI, pinned, in the same venv (their own stamp: a new pin reinstalls them).
$(VENV)/.lint-installed: $(VENV)/.installed scripts/requirements-lint.txt
	$(VENV)/bin/pip install -q -r scripts/requirements-lint.txt
	touch $@

# The tests' own Python tools (slack-sdk checks Block Kit payloads), pinned, in the same venv.
$(VENV)/.test-installed: $(VENV)/.installed scripts/requirements-test.txt
	$(VENV)/bin/pip install -q -r scripts/requirements-test.txt
	touch $@

venv: $(VENV)/.installed

# template.yaml against CloudFormation's and SAM's schemas; a finding fails the target before the build.
# Then scripts/check-docs: every relative link between README.md, docs/ and bench/results/ resolves.
# sam validate needs no credentials; its region only picks cfn-lint's resource specs.
lint: $(VENV)/.lint-installed
	$(VENV)/bin/cfn-lint template.yaml
	$(VENV)/bin/sam validate --lint --region $${AWS_REGION:-us-east-1}
	python3 scripts/check-docs

# The README's `sam build`, on the jars mvn verify (or install) made, then scripts/check-sam-build: each
# function's artifact is its jar, and sam package (sam deploy's upload, here to moto's S3) uploads it unchanged.
sam-build: $(VENV)/.lint-installed
	$(VENV)/bin/sam build
	$(VENV)/bin/python scripts/check-sam-build

test: venv lint $(VENV)/.test-installed
	$(MVN) verify
	$(MAKE) sam-build

clean:
	$(MVN) -q clean

# Builds what the runner needs, then serves CONTRACT.md's routes on 127.0.0.1:$${CIMENT_PORT:-3000}.
run: venv
	$(MVN) -q install -DskipTests
	$(MVN) -q -pl local dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
	exec $(JAVA_HOME)/bin/java -XX:TieredStopAtLevel=1 -cp local/target/classes:$$(cat local/target/classpath.txt) ciment.local.LocalRunner

# Cold start, warm latency, capacity units, mirroring and cost; figures go to bench/results/latest.md (docs/benchmark.md).
bench: venv
	$(MVN) -q install -DskipTests
	$(MVN) -q -pl bench/runner exec:java

# Mirroring under faults (issue 14, item 15): 2,000 mixed actions from Slack and Teams (SOAK_ACTIONS to change),
# about 50 minutes since Slack's pace bounds it; the figures go to bench/results/soak-<date>.md.
soak: venv
	$(MVN) -q install -DskipTests
	$(MVN) -pl local verify -Dtest=MirrorSoakEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false \
		-Dciment.soak.actions=$${SOAK_ACTIONS:-2000} -Dciment.soak.faultEvery=20 \
		-Dciment.soak.report=$(CURDIR)/bench/results/soak-$$(date +%F).md
