#!/usr/bin/env bash
# Kills the API of the local run (./mvnw -Plocal, which must be up) with SIGKILL while an import is
# writing its rows, starts the local run again, and checks what the issue of interrupted imports
# asks (docs/imports.md, "After a fault"):
#   - right after the restart, no child of the file is in the registry (nothing half written);
#   - the job then ends SUCCEEDED on a later attempt with every row written exactly once, or
#     FAILED with retryable=true and nothing written.
# Exits 0 when both hold, 1 otherwise. Usage: scripts/bench/import-kill.sh [rows]
set -euo pipefail
ROWS=${1:-60000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}/commune-child-protection
API=${API:-http://127.0.0.1:8080/api/v1}
READY=${READY:-http://127.0.0.1:9000/q/health/ready}
TOKEN_URL=${TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5433} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}
MARK="KILL$(date +%s)"
FILE=$(mktemp --suffix=.csv)
trap 'rm -f "$FILE"' EXIT

python3 - "$ROWS" "$MARK" > "$FILE" <<'PY'
import sys
rows, mark = int(sys.argv[1]), sys.argv[2]
print("fullName,dateOfBirth,sex,villageCode,externalRef,address", end="\r\n")
for i in range(1, rows + 1):
    print("Thử Ngắt %s %d,2015-%02d-%02d,%s,06283_%02d,%s-%06d,Xóm %d"
          % (mark, i, i % 12 + 1, i % 28 + 1, "MALE" if i % 2 else "FEMALE", i % 20 + 1, mark, i, i % 9 + 1), end="\r\n")
PY

token() {
  curl -sf -d grant_type=client_credentials -d client_id=cp-importer -d client_secret="${CP_CLIENT_SECRET:-importer-demo-secret}" \
    "$TOKEN_URL" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
written() { psql -At -c "select count(*) from child where external_ref like '$MARK-%'"; }
job() { psql -At -F ' ' -c "select status, attempts, retryable, rows_written, coalesce(message, '') from import_job where id = '$ID'"; }

ID=$(curl -sf -H "Authorization: Bearer $(token)" -H 'Content-Type: text/csv' --data-binary @"$FILE" \
  "$API/imports?kind=children&mode=CREATE&matchBy=EXTERNAL_REF" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "job $ID: $ROWS children marked $MARK"
until psql -At -c "select message from import_job where id = '$ID'" | grep -q '^Writing: [1-9]'; do sleep 0.2; done
echo "writing: $(job)"
kill -KILL "$(cat "$DATA/api.pid")"
echo "API killed at $(date +%T); the local run stops Keycloak and PostgreSQL behind it"
sleep 5
# Detached, with none of this script's output: the restarted run outlives it.
(cd "$ROOT" && exec setsid ./mvnw -B -o -q -Plocal) > /tmp/import-kill-restart.log 2>&1 < /dev/null &
until curl -sf -o /dev/null "$READY"; do sleep 1; done
after_restart=$(written)
echo "restarted at $(date +%T): $after_restart children of the file in the registry; job: $(job)"
for _ in $(seq 180); do
  case $(job) in SUCCEEDED*|FAILED*) break ;; esac
  sleep 1
done
read -r status attempts retryable rows_written message <<< "$(job)"
final=$(written)
echo "ended at $(date +%T): $status, attempt $attempts, retryable $retryable, $final children of the file in the registry; $message"
if [[ $after_restart == 0 && ( ($status == SUCCEEDED && $final == "$ROWS" && $rows_written == "$ROWS")
      || ($status == FAILED && $retryable == t && $final == 0) ) ]]; then
  echo PASS
else
  echo FAIL
  exit 1
fi
