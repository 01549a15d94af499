# lossplot: `make report` writes the report into Output/, `make test` runs the tests.
# Both install the system packages they need when pkg-config cannot find them.

SWIFT      ?= swift
CONFIG     ?= debug
BIN         = .build/$(CONFIG)/lossplot
APT_PKGS    = libcairo2-dev libpng-dev pkg-config fonts-dejavu-core
SUDO       := $(shell if [ "$$(id -u)" = 0 ]; then echo ""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then echo sudo; else echo none; fi)

.PHONY: all deps build release report test bench clean workflow-check

all: build

# System packages: Cairo (with its SVG/PDF/PNG surfaces) and the DejaVu fonts the charts use.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists cairo && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
	  : ; \
	elif [ "$(SUDO)" = none ]; then \
	  echo "lossplot needs: apt-get install -y $(APT_PKGS)  (run it as root, then make again)" >&2; exit 1; \
	else \
	  echo "installing $(APT_PKGS)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PKGS); \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG)

release:
	$(MAKE) build CONFIG=release

report: build
	$(BIN) report --out Output

test: deps workflow-check
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build -c release
	bash Tests/Bench/run.sh

# The CI workflow against GitHub's published schema (check-jsonschema's vendored copy). Installs
# check-jsonschema into .venv-ci from PyPI once; without python3-venv or PyPI it says so and passes.
VENV_CI   = .venv-ci
WORKFLOWS = .github/workflows/report.yml
workflow-check:
	@if [ ! -x $(VENV_CI)/bin/check-jsonschema ]; then \
	  rm -rf $(VENV_CI); \
	  if ! { python3 -m venv $(VENV_CI) && $(VENV_CI)/bin/pip install -q --disable-pip-version-check --timeout 15 --retries 1 check-jsonschema; } >/dev/null 2>&1; then \
	    rm -rf $(VENV_CI); echo "workflow-check: skipped (cannot install check-jsonschema: no python3 venv or no PyPI)"; exit 0; \
	  fi; \
	fi; \
	$(VENV_CI)/bin/check-jsonschema --builtin-schema vendor.github-workflows $(WORKFLOWS)

clean:
	rm -rf .build
