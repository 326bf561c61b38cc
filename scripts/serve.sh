#!/usr/bin/env bash
# Sets up, builds, and serves the calculator on http://127.0.0.1:${PORT:-8000}/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
# The same server as the tests: the right MIME types, and gzip like a static host.
exec node scripts/static-server.mjs "${PORT:-8000}"
