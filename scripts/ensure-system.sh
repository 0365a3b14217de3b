#!/usr/bin/env bash
# Installs the Debian packages Paritrana needs when they are missing; says clearly what to
# do when it cannot (not root, no apt). Usage: scripts/ensure-system.sh [base|test]
set -euo pipefail
profile="${1:-base}"

need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
# WeasyPrint (scorecards, certificates) renders with Pango; DejaVu gives it a font everywhere.
have_lib libpango-1.0.so.0 || need+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || need+=(libpangoft2-1.0-0)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
if [ "$profile" = test ]; then
  # PySpark (indicator pipeline on Spark) needs a Java runtime, 17 or newer.
  command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
  # Browser tests drive Debian's Chromium through Playwright (never a downloaded browser).
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi

[ ${#need[@]} -eq 0 ] && exit 0

echo "Paritrana needs these Debian packages: ${need[*]}" >&2
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Cannot install them: not root and no sudo. Run as root: apt-get install -y ${need[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Cannot install them: this is not a Debian/Ubuntu system (no apt-get). Install: ${need[*]}" >&2
  exit 1
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
