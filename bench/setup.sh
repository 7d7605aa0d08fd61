#!/usr/bin/env bash
# Make bench/.venv with proselint, the peer the benchmark compares against.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q "proselint==0.16.0"
.venv/bin/proselint version
