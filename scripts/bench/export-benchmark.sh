#!/usr/bin/env bash
# Times the Circular 13/2021 export against the local run (./mvnw -Plocal) after
# province-dataset.sql was loaded: the median and slowest of N calls per format, as wall-clock
# time of curl (token check, SQL, serialisation and transfer included), after one warm-up call.
# Usage: scripts/bench/export-benchmark.sh [unit] [period] [calls]
set -euo pipefail
UNIT=${1:-99}
PERIOD=${2:-2025}
CALLS=${3:-7}
API=${API:-http://127.0.0.1:8080/api/v1}
TOKEN_URL=${TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}

token() {
  curl -sf -d grant_type=password -d client_id=cp-test -d username=admin -d password=demo-admin "$TOKEN_URL" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

for format in json csv xlsx dhis2; do
  TOKEN=$(token)
  url="$API/exports/circular-13?unit=$UNIT&period=$PERIOD&format=$format"
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"
  times=()
  for _ in $(seq "$CALLS"); do
    times+=("$(curl -sf -o /tmp/export.$format -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$url")")
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  size=$(stat -c %s /tmp/export.$format)
  printf '%-6s median %6.3f s   slowest %6.3f s   %8d bytes\n' "$format" "${sorted[$((CALLS / 2))]}" "${sorted[$((CALLS - 1))]}" "$size"
done
