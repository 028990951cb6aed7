#!/usr/bin/env bash
# The web app's build steps as Maven runs them (web/pom.xml): check Node, install, build, test.
# Usage: bash web/build.sh check|install|build|test
set -euo pipefail
cd "$(dirname "$0")"
required=20.19
case "${1:-}" in
  check)
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
      echo "ERROR: Node.js $required or later (with npm) is needed to build the web app in web/." >&2
      echo "       Install it from https://nodejs.org or your package manager (e.g. apt-get install nodejs npm), then run Maven again." >&2
      exit 1
    fi
    version=$(node --version | sed 's/^v//')
    if [ "$(printf '%s\n%s\n' "$required" "$version" | sort -V | head -1)" != "$required" ]; then
      echo "ERROR: Node.js $version is too old for the web app in web/; $required or later is needed." >&2
      exit 1
    fi
    ;;
  # npm ci only when package-lock.json changed since the last install: a rebuild takes seconds, not a re-download.
  install)
    if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.installed-lock.json; then
      npm ci --no-audit --no-fund
      cp package-lock.json node_modules/.installed-lock.json
    fi
    ;;
  build) npm run --silent build && node scripts/budget.mjs ;;
  test) npm test --silent ;;
  *) echo "usage: build.sh check|install|build|test" >&2; exit 2 ;;
esac
