#!/usr/bin/env bash
# Compares two builds of the API on one import's check pass, side by side (docs/imports.md): each
# build's quarkus-app folder is started in turn against the PostgreSQL and Keycloak of
#   ./mvnw -Plocal -Dlocal.services-only=true
# (which must be up, with the registry the file names), and the file is imported as a dry run
# WARM times to warm the JIT, then RUNS times; this is repeated ROUNDS times, the builds
# alternating, so that the machine's drift falls on both. Each job's time is import_job's
# started_at to finished_at. Prints every time, then each build's range, median and rows per second.
#
# Usage: scripts/bench/import-dry-runs-ab.sh <quarkus-app folder A> <quarkus-app folder B> <file.csv>
#   e.g. after copying target/quarkus-app of each build aside, with the spans file of
#   import-benchmark.sh (circumstances-file.py) and its 100,000 children imported.
# Settings: CP_KIND (default circumstances), CP_MODE (default UPSERT), ROUNDS (3), WARM (3), RUNS (5);
# the builds run on $JAVA_HOME's java when it is set.
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,14p' "$0" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
A=$(cd "$1" && pwd) B=$(cd "$2" && pwd) FILE=$3
ROUNDS=${ROUNDS:-3} WARM=${WARM:-3} RUNS=${RUNS:-5}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5433} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}
export CP_CLIENT_SECRET=${CP_CLIENT_SECRET:-importer-demo-secret} CP_MATCH_BY=${CP_MATCH_BY:-EXTERNAL_REF}
export CP_KIND=${CP_KIND:-circumstances} CP_MODE=${CP_MODE:-UPSERT} CP_DRY_RUN=true
ROWS=$(grep -vc '^#' "$FILE"); ROWS=$((ROWS - 1))
WORK=$(mktemp -d)
API_PID=
stop_api() {
  if [ -n "$API_PID" ]; then
    kill "$API_PID" 2>/dev/null || true
    while kill -0 "$API_PID" 2>/dev/null; do sleep 1; done
    API_PID=
  fi
}
trap 'stop_api; rm -rf "$WORK"' EXIT

start_api() { # folder: the same settings as the local run gives its API
  (cd "$ROOT" && CP_HTTP_PORT=8080 CP_MANAGEMENT_PORT=9000 CP_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" \
    CP_DB_USER=$PGUSER CP_DB_PASSWORD=$PGPASSWORD CP_OIDC_URL=http://127.0.0.1:8180/realms/child-protection \
    CP_SEED_CONTEXTS=demo,demo-records exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" @docker/jvm.options -jar "$1/quarkus-run.jar") > "$WORK/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 90); do
    curl -sf http://127.0.0.1:9000/q/health/ready > /dev/null && return 0
    kill -0 "$API_PID" 2>/dev/null || break
    sleep 1
  done
  echo "the API of $1 did not start (port 8080 taken by another?):" >&2
  tail -5 "$WORK/api.log" >&2
  exit 1
}

dry_run() { # prints the job's seconds
  # A comment line (the import skips it) makes each upload new to its Idempotency-Key.
  { cat "$FILE"; printf '# run %s\r\n' "$(date +%s%N)"; } > "$WORK/file.csv"
  "$ROOT/scripts/import/import-file.sh" "$WORK/file.csv" > /dev/null || true
  local job
  job=$(psql -At -F ' ' -c "select extract(epoch from finished_at - started_at)::numeric(8,2), status, coalesce(message, '')
                            from import_job order by created_at desc limit 1")
  case "$job" in
    *" SUCCEEDED "*) echo "${job%% *}" ;;
    *) echo "the dry run did not succeed: $job" >&2; exit 1 ;;
  esac
}

for round in $(seq 1 "$ROUNDS"); do
  for build in A B; do
    folder=$([ $build = A ] && echo "$A" || echo "$B")
    start_api "$folder"
    for _ in $(seq 1 "$WARM"); do dry_run > /dev/null; done
    for _ in $(seq 1 "$RUNS"); do echo "$build $(dry_run)" | tee -a "$WORK/times"; done
    stop_api
  done
done

python3 - "$WORK/times" "$ROWS" <<'PY'
import statistics, sys
times = {}
for line in open(sys.argv[1]):
    build, seconds = line.split()
    times.setdefault(build, []).append(float(seconds))
for build, t in sorted(times.items()):
    m = statistics.median(t)
    print(f"{build}: {len(t)} runs, {min(t):.2f}-{max(t):.2f} s, median {m:.2f} s, {int(sys.argv[2]) / m:,.0f} rows per second")
PY
