#!/usr/bin/env bash
# Times the Circular 13/2021 export against the local run (./mvnw -Plocal) after
# province-dataset.sql was loaded: the median and slowest of N calls per format, as wall-clock
# time of curl (token check, SQL, serialisation and transfer included), after one warm-up call.
# FRESH=1: a write to a child of the unit before each call, so that every call counts again the
# part of the unit that child is in instead of reading the values kept since the last (ADR 0019).
# FRESH=all: a write that names no unit before each call, so that every call counts every part.
# WARMUP: calls made the same way before any is timed (50 by default), so that the JIT has compiled
# the counting code: after ninety fresh exports of a commune the compiler threads still took as
# much processor time as the request itself, after three hundred a tenth (docs/indicators.md).
# Usage: [FRESH=1|all] [WARMUP=n] scripts/bench/export-benchmark.sh [unit] [period] [calls]
set -euo pipefail
UNIT=${1:-99}
PERIOD=${2:-2025}
CALLS=${3:-7}
WARMUP=${WARMUP:-50}
[[ $WARMUP =~ ^[0-9]{1,5}$ ]] || { echo "WARMUP must be a whole number of calls, not '$WARMUP'." >&2; exit 2; }
API=${API:-http://127.0.0.1:8080/api/v1}
TOKEN_URL=${TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}

token() {
  curl -sf -d grant_type=password -d client_id=cp-test -d username=admin -d password=demo-admin "$TOKEN_URL" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# The write FRESH asks for, before a call.
stale() {
  if [ "${FRESH:-}" = all ]; then
    # A statement trigger counts an update of no row too.
    PGPASSWORD=${PGPASSWORD:-postgres} psql -h 127.0.0.1 -p 5433 -U postgres -d postgres -qc "update safe_home_checklist set version = version where false"
  elif [ -n "${FRESH:-}" ]; then
    PGPASSWORD=${PGPASSWORD:-postgres} psql -h 127.0.0.1 -p 5433 -U postgres -d postgres -qc "update child set updated_at = now()
      where id = (select c.id from child c join admin_unit_period p on c.unit_path <@ p.path join admin_unit u on u.id = p.unit_id
                  where u.code = '$UNIT' and p.valid_to is null limit 1)"
  fi
}

# Every format counts with the same code: the warm-up asks for json, with a new token every twenty
# calls (the demo realm's live 300 s, twenty fresh province exports about 25 s).
for i in $(seq "$WARMUP"); do
  if (( i % 20 == 1 )); then TOKEN=$(token); fi
  stale
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$API/exports/circular-13?unit=$UNIT&period=$PERIOD&format=json"
done

for format in json csv xlsx dhis2; do
  TOKEN=$(token)
  url="$API/exports/circular-13?unit=$UNIT&period=$PERIOD&format=$format"
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$url"
  times=()
  for _ in $(seq "$CALLS"); do
    stale
    times+=("$(curl -sf -o /tmp/export.$format -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$url")")
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  size=$(stat -c %s /tmp/export.$format)
  printf '%-6s median %6.3f s   slowest %6.3f s   %8d bytes\n' "$format" "${sorted[$((CALLS / 2))]}" "${sorted[$((CALLS - 1))]}" "$size"
done
