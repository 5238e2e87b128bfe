#!/usr/bin/env bash
# Run the whole suite: formatting, lint, types, then unit, integration, e2e and browser tests.
# PostgreSQL variants run when TRUSTDESK_TEST_DATABASE_URL is set (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "browser tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
  fi
fi
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
exec .venv/bin/pytest -p no:cacheprovider --durations=15 "$@"
