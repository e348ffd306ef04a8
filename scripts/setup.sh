#!/usr/bin/env bash
# Set up a fresh machine: system readers (when we may install them), then a virtualenv with
# vanban and its test tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# antiword reads Word 97 .doc, LibreOffice what antiword cannot; tesseract (+ Vietnamese data)
# reads scanned PDF pages. All optional at run time: without them those files get a clear row
# in `errors`. Chromium is for the tests only (the report page is loaded in it; without it those
# tests skip). Set VANBAN_MINIMAL=1 to skip LibreOffice (about 300 MB).
SYSTEM_PACKAGES="antiword tesseract-ocr tesseract-ocr-vie chromium"
[ "${VANBAN_MINIMAL:-0}" = 1 ] || SYSTEM_PACKAGES="$SYSTEM_PACKAGES libreoffice-writer-nogui libreoffice-calc-nogui"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=""
  for p in $SYSTEM_PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null) \
      || echo "warning: could not install$missing; .doc and scanned PDFs will be reported in errors" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
