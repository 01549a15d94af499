# lossplot: `make report` writes the report into Output/, `make test` runs the tests, opens the
# reports (the guide's and one of runs) in headless Chromium and runs the action's steps locally.
# Both install what they need when it is missing.

SWIFT      ?= swift
CONFIG     ?= debug
BIN         = .build/$(CONFIG)/lossplot
# Release binaries carry the Swift runtime and Foundation inside (SwiftPM's way of shipping a Linux
# executable): nothing of Swift's is looked up at load time, which halves lossplot's startup.
RELEASE_FLAGS = --static-swift-stdlib
BUILD_FLAGS = $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS))
APT_PKGS    = libcairo2-dev libfontconfig-dev libfreetype-dev libpng-dev zlib1g-dev pkg-config fonts-dejavu-core libxml2-dev strace
SUDO       := $(shell if [ "$$(id -u)" = 0 ]; then echo ""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then echo sudo; else echo none; fi)

PYTHON     ?= python3
VENV        = .build/browser-venv
SHOTS       = .build/screenshots
CHECKS      = .build/report-check

.PHONY: all deps browser-deps build release report test browser-check bench clean workflow-check workflow-lint action-deps action-script-test action-local fuzz fuzz-one sanitize

all: build

# $(call ensure_apt,TEST,PACKAGES,WHO): when the shell test TEST fails, apt-get install PACKAGES
# (as root, through sudo otherwise, or print the command for the user to run and stop).
ensure_apt = if $(1); then :; \
	elif [ "$(SUDO)" = none ]; then \
	  echo "$(3) needs: apt-get install -y $(2)  (run it as root, then make again)" >&2; exit 1; \
	else \
	  echo "installing $(2)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(2); \
	fi

# System packages: Cairo (with its SVG/PDF/PNG surfaces), fontconfig (fonts are resolved through it
# directly), FreeType (text is kerned by the face Cairo draws with), zlib, the DejaVu fonts the
# charts use, libxml2 (Foundation's XMLParser, which checks the report's formulas; the release
# build links it), and strace (a test watches files being flushed).
HAVE_DEPS = command -v pkg-config >/dev/null 2>&1 && pkg-config --exists cairo fontconfig freetype2 libxml-2.0 && [ -f /usr/include/zlib.h ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ -x /usr/bin/strace ]
deps:
	@$(call ensure_apt,$(HAVE_DEPS),$(APT_PKGS),lossplot)

# The browser check: Debian's chromium, driven by playwright (its own browser download is not
# used), axe-core through axe-playwright-python (it ships axe.min.js), and poppler-utils
# (pdftotext reads the printed PDF, pdftoppm renders a page of it). The two PyPI packages go into
# $(VENV), pinned, so a new axe rule does not turn make test red by itself.
BROWSER_APT = chromium python3 python3-venv poppler-utils
PLAYWRIGHT  = 1.65.2
AXE_PY      = 0.1.8
BROWSER_PIP = playwright==$(PLAYWRIGHT) axe-playwright-python==$(AXE_PY)
HAVE_BROWSER = [ -x /usr/bin/chromium ] && [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdftoppm ] && command -v $(PYTHON) >/dev/null 2>&1
HAVE_BROWSER_PIP = $(VENV)/bin/python -c "import sys, importlib.metadata as m; sys.exit(m.version('playwright') != '$(PLAYWRIGHT)' or m.version('axe-playwright-python') != '$(AXE_PY)')" 2>/dev/null
browser-deps:
	@$(call ensure_apt,$(HAVE_BROWSER),$(BROWSER_APT),the browser check)
	@if ! { $(HAVE_BROWSER_PIP); }; then \
	  echo "installing $(BROWSER_PIP) into $(VENV)"; rm -rf $(VENV); \
	  ( $(PYTHON) -m venv $(VENV) 2>/dev/null || { [ "$(SUDO)" != none ] && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); } ) && \
	  $(VENV)/bin/python -m pip install -q --disable-pip-version-check $(BROWSER_PIP); \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS)

release:
	$(MAKE) build CONFIG=release

report: build
	$(BIN) report --out Output

test: deps browser-deps workflow-lint action-script-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	$(MAKE) browser-check
	$(MAKE) action-local

# Writes the report three ways (Output/ with index.html in Ukrainian, English first with every
# format, self-contained), each folder with both languages' pages, and checks every page in
# headless Chromium (Tests/Browser/check_report.py: axe-core at 1280 and 375 px, light and dark,
# the keyboard, print to PDF); screenshots and the printed PDFs land in $(SHOTS).
browser-check: browser-deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS) --product lossplot
	$(BIN) report --out Output
	rm -rf $(CHECKS)/en $(CHECKS)/single && mkdir -p $(CHECKS)
	$(BIN) report --out $(CHECKS)/en --lang en --formats svg,png,pdf
	$(BIN) report --out $(CHECKS)/single --lang en --self-contained
	$(VENV)/bin/python Tests/Browser/check_report.py $(SHOTS) Output $(CHECKS)/en $(CHECKS)/single
	@F=Tests/RunLogsTests/Fixtures; rm -rf $(CHECKS)/runs && $(BIN) report --runs $$F/lightning/tiny/version_1 $$F/tfevents/torch/simple --baseline $$F/lightning/tiny/version_0 --fail-on 'val_loss.final > 1' --out $(CHECKS)/runs --self-contained && $(VENV)/bin/python Tests/Browser/check_runs_report.py $(SHOTS) $(CHECKS)/runs

# make bench: lossplot against what users would run instead (Tests/Bench), one table of ratios.
# Not part of make test. Builds release itself; installs its Python anchors from PyPI into
# .build/bench-venv; needs /usr/bin/time (peak RSS) and python3's venv, installed when missing.
# BENCH_ARGS passes options through, e.g. make bench BENCH_ARGS="--reps 3 --only eval kernel".
BENCH_APT   = time python3-venv
HAVE_BENCH = [ -x /usr/bin/time ] && python3 -c 'import venv, ensurepip' 2>/dev/null
bench: deps
	@$(call ensure_apt,$(HAVE_BENCH),$(BENCH_APT),make bench)
	$(SWIFT) build -c release $(RELEASE_FLAGS)
	bash Tests/Bench/run.sh $(BENCH_ARGS)

# make workflow-lint: the workflows and the action (action.yml) against GitHub's published schemas
# (check-jsonschema's vendored copies), zizmor's security audits of .github/ and action.yml
# (offline, its default persona: no finding allowed), and shellcheck on the action's scripts.
# check-jsonschema and zizmor go into .build/workflow-venv from PyPI once (pinned, so a new audit
# does not turn make test red by itself); without python3-venv or PyPI it says so and skips them.
# shellcheck comes from apt. workflow-check is the old name.
VENV_CI       = .build/workflow-venv
WORKFLOWS     = $(wildcard .github/workflows/*.yml)
ACTIONS       = action.yml
CI_SCRIPTS    = $(wildcard scripts/ci/*.sh)
ZIZMOR        = 1.32.0
LINT_PIP      = check-jsonschema==0.39.0 zizmor==$(ZIZMOR)
HAVE_LINT_PIP = [ -x $(VENV_CI)/bin/check-jsonschema ] && [ "$$($(VENV_CI)/bin/zizmor --version 2>/dev/null)" = "zizmor $(ZIZMOR)" ]
workflow-lint:
	@$(call ensure_apt,command -v shellcheck >/dev/null 2>&1,shellcheck,workflow-lint)
	shellcheck $(CI_SCRIPTS)
	@if ! { $(HAVE_LINT_PIP); }; then \
	  rm -rf $(VENV_CI); \
	  if ! { $(PYTHON) -m venv $(VENV_CI) && $(VENV_CI)/bin/pip install -q --disable-pip-version-check --timeout 15 --retries 1 $(LINT_PIP); } >/dev/null 2>&1; then \
	    rm -rf $(VENV_CI); echo "workflow-lint: schema and zizmor checks skipped (cannot install $(LINT_PIP): no python3 venv or no PyPI)"; exit 0; \
	  fi; \
	fi; \
	$(VENV_CI)/bin/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS) && \
	$(VENV_CI)/bin/check-jsonschema --builtin-schema vendor.github-actions $(ACTIONS) && \
	$(VENV_CI)/bin/zizmor --offline --no-progress --strict-collection .github/ $(ACTIONS)

workflow-check: workflow-lint

# What the action's scripts need beyond the build: curl and jq (the REST API, for baseline: artifact).
ACTION_APT        = curl jq ca-certificates
HAVE_ACTION_TOOLS = command -v curl >/dev/null 2>&1 && command -v jq >/dev/null 2>&1
action-deps:
	@$(call ensure_apt,$(HAVE_ACTION_TOOLS),$(ACTION_APT),the lossplot action)

# The action's shell (scripts/ci/lossplot-action.sh) against a lossplot and a curl that record what
# they are given: each path and rule one argument, globs expanded, nothing evaluated, the exit
# codes, the artifact's runs.txt, the REST look-up of the base branch's artifact. No network.
action-script-test: action-deps
	bash scripts/ci/test-lossplot-action.sh

# make action-local: the action's steps as on a runner, with lossplot built here (CONFIG, debug by
# default), on the runs fixtures (real libraries' logs), the job summary and outputs in
# $(ACTION_LOCAL); the cache, download and upload steps (GitHub's) are skipped. Part of make test.
ACTION_LOCAL = .build/action-local
action-local: deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS) --product lossplot
	LOSSPLOT_BUILD_CONFIG=$(CONFIG) bash scripts/ci/action-local.sh $(ACTION_LOCAL)

clean:
	rm -rf .build

# make fuzz SECONDS=N: every libFuzzer harness for N seconds (default 60), one line each (the
# executions, and whether it found anything); non-zero when one crashed. make fuzz-one NAME=csv
# SECONDS=N runs one. Not part of make test. FUZZ_TIMEOUT (s, default 10) and FUZZ_RSS_MB (default
# 2048) are libFuzzer's limits per input; FUZZ_ARGS passes more options (e.g. FUZZ_ARGS=-jobs=2).
#   Harnesses: Fuzz/Harnesses/NAME/main.swift, one per parser and one for evaluateLoss (losses:
#   what lossplot eval computes from the numbers read). Package.swift adds them (as targets
#   fuzz-NAME, with Fuzz/Support and Fuzz/RunLogSupport) only when LOSSPLOT_FUZZ=1, so builds and
#   tests never see them; they build in debug with -sanitize=fuzzer,address into $(FUZZ_SCRATCH).
#   Inputs: the committed seeds Fuzz/corpus/NAME/ (remade by Fuzz/make_seeds.py; never written by
#   a run) and the saved crashes Fuzz/regressions/NAME/ are read; new corpus entries go to
#   $(FUZZ_SCRATCH)/corpus/NAME/, crashes to $(FUZZ_SCRATCH)/crashes/NAME/, the log to
#   $(FUZZ_SCRATCH)/logs/NAME.log; Fuzz/dict/NAME.dict, when there, is libFuzzer's dictionary.
#   Adding a harness (a log reader, say tfevents): copy Fuzz/Harnesses/jsonl/ to
#   Fuzz/Harnesses/tfevents/ and change the file name and format in its RunLogFuzzing.load call;
#   add ("tfevents", ["RunLogs", "RunLogFuzzing"]) to the harness list in Package.swift; put a few
#   small files in Fuzz/corpus/tfevents/ (add them to Fuzz/make_seeds.py). make fuzz finds it.
#   A crash: replay it with `SWIFT_BACKTRACE=enable=no $(FUZZ_SCRATCH)/debug/fuzz-NAME FILE`, minimise
#   it with `... -minimize_crash=1 -max_total_time=60 -exact_artifact_path=OUT FILE` (check OUT still
#   fails the same way: the minimiser keeps any crash), save it in Fuzz/regressions/NAME/ with a line
#   in its README, and make it a test. To fuzz on past a known crash until it is fixed:
#   FUZZ_ARGS="-fork=1 -ignore_crashes=1" (every crash is then saved, the run goes on).
SECONDS      ?= 60
FUZZ_SCRATCH  = .build-fuzz
FUZZERS       = $(notdir $(wildcard Fuzz/Harnesses/*))
FUZZ_ENV      = SWIFT="$(SWIFT)" FUZZ_SCRATCH="$(FUZZ_SCRATCH)" FUZZ_TIMEOUT="$(FUZZ_TIMEOUT)" FUZZ_RSS_MB="$(FUZZ_RSS_MB)" FUZZ_ARGS="$(FUZZ_ARGS)"
fuzz: deps
	@$(FUZZ_ENV) bash Fuzz/run.sh $(SECONDS) $(FUZZERS)

fuzz-one: deps
	@if [ -z "$(NAME)" ] || [ ! -f Fuzz/Harnesses/$(NAME)/main.swift ]; then \
	  echo "make fuzz-one NAME=harness [SECONDS=N]; harnesses: $(FUZZERS)" >&2; exit 64; fi
	@$(FUZZ_ENV) bash Fuzz/run.sh $(SECONDS) $(NAME)

# make sanitize: the Swift tests under AddressSanitizer, then ThreadSanitizer, each in its own
# build folder (.build-asan, .build-tsan), so make test's .build is untouched. Not part of make test.
# The CLI tests run the sanitized lossplot too. Fuzz/lsan.supp names the leaks that are not
# lossplot's; Swift's crash backtracer is off because AddressSanitizer flags its stack reads.
SANITIZER_ENV = SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp:print_suppressions=0
# Both always run; the last line says which was clean, and make fails when either was not.
sanitize: deps
	@result=""; status=0; \
	for s in address:.build-asan thread:.build-tsan; do \
	  dir=$${s#*:}; s=$${s%%:*}; \
	  if $(SWIFT) build --build-tests --sanitize=$$s --scratch-path $$dir && \
	     $(SANITIZER_ENV) $(SWIFT) test --skip-build --disable-xctest --sanitize=$$s --scratch-path $$dir; then \
	    result="$$result $$s: clean;"; \
	  else result="$$result $$s: FAILED (see above);"; status=1; fi; \
	done; \
	echo "sanitize:$$result"; exit $$status
