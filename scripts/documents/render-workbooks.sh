#!/usr/bin/env bash
# Renders the workbooks a commune prints and signs to PDF (and each page to PNG) with LibreOffice,
# for a person to look at: the Circular 13 export of a unit and period, and the workbook of a
# report version. Needs the local run (./mvnw -Plocal), LibreOffice (soffice) and, for the PNGs,
# pdftoppm (poppler-utils); the build itself needs neither.
#
#   scripts/documents/render-workbooks.sh [unit] [period] [report-id version]
#   scripts/documents/render-workbooks.sh 06298 2025
#   scripts/documents/render-workbooks.sh 06298 2025 3f2c…-uuid 1
#
# Files go to target/rendered/ (API, KEYCLOAK and OUT override the defaults).
set -euo pipefail
UNIT=${1:-06298}
PERIOD=${2:-2025}
REPORT=${3:-}
VERSION=${4:-1}
API=${API:-http://127.0.0.1:8080/api/v1}
KEYCLOAK=${KEYCLOAK:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}
OUT=${OUT:-target/rendered}
XLSX=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet

command -v soffice > /dev/null || { echo "LibreOffice (soffice) is needed: apt-get install libreoffice-calc" >&2; exit 1; }
mkdir -p "$OUT"
TOKEN=$(curl -sf -d grant_type=password -d client_id=cp-test -d username="${USERNAME:-district.langson}" \
  -d password="${PASSWORD:-demo-district}" "$KEYCLOAK" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

fetch() { # url file
  curl -sf -H "Authorization: Bearer $TOKEN" -H "Accept: $XLSX" -o "$2" "$1"
  echo "downloaded $2"
}
fetch "$API/exports/circular-13?unit=$UNIT&period=$PERIOD&format=xlsx" "$OUT/circular-13_${UNIT}_${PERIOD}.xlsx"
if [ -n "$REPORT" ]; then
  fetch "$API/reports/$REPORT/versions/$VERSION" "$OUT/report_${REPORT}_v${VERSION}.xlsx"
fi

for book in "$OUT"/*.xlsx; do
  soffice --headless --convert-to pdf --outdir "$OUT" "$book" > /dev/null
  pdf="${book%.xlsx}.pdf"
  echo "rendered $pdf"
  if command -v pdftoppm > /dev/null; then
    pdftoppm -r 70 -png "$pdf" "${pdf%.pdf}-page"
    echo "  pages: $(ls "${pdf%.pdf}"-page*.png | wc -l) PNG files ${pdf%.pdf}-page-*.png"
  fi
done
