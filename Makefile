# lossplot: `make report` writes the report into Output/, `make test` runs the tests and opens
# the report in headless Chromium. Both install what they need when it is missing.

SWIFT      ?= swift
CONFIG     ?= debug
BIN         = .build/$(CONFIG)/lossplot
# Release binaries carry the Swift runtime and Foundation inside (SwiftPM's way of shipping a Linux
# executable): nothing of Swift's is looked up at load time, which halves lossplot's startup.
RELEASE_FLAGS = --static-swift-stdlib
BUILD_FLAGS = $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS))
APT_PKGS    = libcairo2-dev libfontconfig-dev libpng-dev zlib1g-dev pkg-config fonts-dejavu-core libxml2-dev
SUDO       := $(shell if [ "$$(id -u)" = 0 ]; then echo ""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then echo sudo; else echo none; fi)

PYTHON     ?= python3
VENV        = .build/browser-venv
SHOTS       = .build/screenshots
CHECKS      = .build/report-check

.PHONY: all deps browser-deps build release report test browser-check bench clean workflow-check

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
# directly), zlib, the DejaVu fonts the charts use, and libxml2 (Foundation's XMLParser, which checks
# the report's formulas; the release build links it).
HAVE_DEPS = command -v pkg-config >/dev/null 2>&1 && pkg-config --exists cairo fontconfig libxml-2.0 && [ -f /usr/include/zlib.h ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]
deps:
	@$(call ensure_apt,$(HAVE_DEPS),$(APT_PKGS),lossplot)

# The browser check: Debian's chromium, driven by playwright (its own browser download is not
# used). playwright goes into $(VENV) unless $(PYTHON) already has it.
HAVE_BROWSER = [ -x /usr/bin/chromium ] && command -v $(PYTHON) >/dev/null 2>&1
browser-deps:
	@$(call ensure_apt,$(HAVE_BROWSER),chromium python3 python3-venv,the browser check)
	@if $(PYTHON) -c "import playwright" 2>/dev/null || $(VENV)/bin/python -c "import playwright" 2>/dev/null; then \
	  : ; \
	else \
	  echo "installing playwright into $(VENV)"; \
	  ( $(PYTHON) -m venv $(VENV) 2>/dev/null || { [ "$(SUDO)" != none ] && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); } ) && \
	  $(VENV)/bin/python -m pip install -q playwright; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS)

release:
	$(MAKE) build CONFIG=release

report: build
	$(BIN) report --out Output

test: deps browser-deps workflow-check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest
	$(MAKE) browser-check

# Writes the report three ways (Output/ in Ukrainian, English, self-contained) and checks each in
# headless Chromium; screenshots land in $(SHOTS).
browser-check: browser-deps
	$(SWIFT) build -c $(CONFIG) $(BUILD_FLAGS) --product lossplot
	$(BIN) report --out Output
	rm -rf $(CHECKS)/en $(CHECKS)/single && mkdir -p $(CHECKS)
	$(BIN) report --out $(CHECKS)/en --lang en --formats svg,png,pdf
	$(BIN) report --out $(CHECKS)/single --lang en --self-contained
	@PY=$(PYTHON); $$PY -c "import playwright" 2>/dev/null || PY=$(VENV)/bin/python; \
	$$PY Tests/Browser/check_report.py $(SHOTS) Output $(CHECKS)/en $(CHECKS)/single

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

# The CI workflow against GitHub's published schema (check-jsonschema's vendored copy). Installs
# check-jsonschema into .build/workflow-venv from PyPI once; without python3-venv or PyPI it says so and passes.
VENV_CI   = .build/workflow-venv
WORKFLOWS = .github/workflows/report.yml
workflow-check:
	@if [ ! -x $(VENV_CI)/bin/check-jsonschema ]; then \
	  rm -rf $(VENV_CI); \
	  if ! { $(PYTHON) -m venv $(VENV_CI) && $(VENV_CI)/bin/pip install -q --disable-pip-version-check --timeout 15 --retries 1 check-jsonschema; } >/dev/null 2>&1; then \
	    rm -rf $(VENV_CI); echo "workflow-check: skipped (cannot install check-jsonschema: no python3 venv or no PyPI)"; exit 0; \
	  fi; \
	fi; \
	$(VENV_CI)/bin/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)

clean:
	rm -rf .build
