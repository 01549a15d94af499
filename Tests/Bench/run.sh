#!/usr/bin/env bash
# make bench: lossplot against what a user would run instead, same machine, same run.
# Installs its Python anchors (numpy, pandas, matplotlib, scikit-learn, tbparse, tensorboardX) into a venv under .build.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=.build/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import numpy, pandas, matplotlib, sklearn" 2>/dev/null ||
  "$venv/bin/pip" install -q numpy pandas matplotlib scikit-learn
# The anchors for training runs: tbparse reads event files into pandas; tensorboardX writes them.
"$venv/bin/python" -c "import tbparse, tensorboardX" 2>/dev/null ||
  "$venv/bin/pip" install -q tbparse tensorboardX
exec "$venv/bin/python" Tests/Bench/bench.py "$@"
