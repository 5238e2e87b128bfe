#!/usr/bin/env bash
# Set everything up and start the demo on embedded defaults (SQLite, bundled policy and KB).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh
exec .venv/bin/trustdesk serve "$@"
