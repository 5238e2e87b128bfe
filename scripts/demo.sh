#!/usr/bin/env bash
# Set everything up and start the demo on embedded defaults (SQLite, bundled policy and KB).
# One demo staff account per role is created on the first run, and its password printed once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh
.venv/bin/trustdesk staff demo-accounts
exec .venv/bin/trustdesk serve "$@"
