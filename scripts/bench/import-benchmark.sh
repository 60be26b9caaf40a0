#!/usr/bin/env bash
# The import benchmark of docs/imports.md, against the local run (./mvnw -Plocal), in one run:
#  1. COPY of the same 100,000 children into `child` and of their spans into `child_episode`, each
#     in a transaction rolled back (the database's own speed, with every index and constraint);
#  2. the same files through scripts/import/import-file.sh: children CREATE, children UPSERT with
#     every row changed, spans CREATE, spans UPSERT with every span changed; the time of each job
#     is import_job.started_at to finished_at, and its check pass is a dry run of the same file;
#  3. the API's peak resident memory (VmHWM) after the runs.
# It deletes the BENCH-… children and their spans first (their audit events stay: the trail is
# append-only). Usage: scripts/bench/import-benchmark.sh [rows]
set -euo pipefail
ROWS=${1:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}/commune-child-protection
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5433} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-postgres}
export PGDATABASE=${PGDATABASE:-postgres}
export CP_CLIENT_SECRET=${CP_CLIENT_SECRET:-importer-demo-secret} CP_MATCH_BY=EXTERNAL_REF
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 "$HERE/children-file.py" "$ROWS" > "$WORK/children.csv"
python3 "$HERE/circumstances-file.py" "$ROWS" > "$WORK/spans.csv"
# The same files with every row changed: another address, a note on every span.
sed '2,$ s/,Xóm \([0-9]\)\r$/,Thôn \1\r/' "$WORK/children.csv" > "$WORK/children-changed.csv"
sed '1 s/Lý do kết thúc\r$/Lý do kết thúc,Ghi chú\r/; 2,$ s/\r$/,đã rà soát\r/' "$WORK/spans.csv" > "$WORK/spans-changed.csv"
# A comment line (the import skips it) makes each run's files new to the upload's Idempotency-Key.
for f in "$WORK"/*.csv; do printf '# benchmark run %s\r\n' "$(date +%s%N)" >> "$f"; done
SPANS=$(($(wc -l < "$WORK/spans.csv") - 2))

clean() {
  psql -q -v ON_ERROR_STOP=1 <<'SQL'
delete from child_episode where child_id in (select id from child where external_ref like 'BENCH-%');
delete from child where external_ref like 'BENCH-%';
SQL
}

# COPY of the rows the import writes, built from the same files in SQL, timed by the server. The
# children are copied before their import (their keys must be free); the spans once their children
# are in and before the spans' import (they must not overlap themselves). Their ids are time-ordered
# (UUID version 7) like the ones the service gives (common/persistence/TimeOrderedIds).
source "$HERE/time-ordered-id.sh"
TIME_ORDERED_ID="create function pg_temp.time_ordered_id() returns uuid volatile language sql as \$\$
  select $TIME_ORDERED_ID_SQL \$\$;"
child_rows() {
  psql -q -v ON_ERROR_STOP=1 <<SQL
$TIME_ORDERED_ID
create temp table src (full_name text, dob date, sex text, village text, pid text, ext text, address text);
\copy src from program 'grep -v ^# $WORK/children.csv' with (format csv, header true)
\copy (select pg_temp.time_ordered_id(), pid, full_name, lower(full_name), lower(full_name), dob, false, sex, village, p.path, address, 0, now(), 'bench', now() from src join admin_unit u on u.code = village join admin_unit_period p on p.unit_id = u.id and p.valid_to is null) to '$WORK/child.copy'
SQL
}

span_rows() {
  psql -q -v ON_ERROR_STOP=1 <<SQL
$TIME_ORDERED_ID
create temp table spans (ext text, kind text, code text, subcode text, start_date date, end_date date, end_reason text);
\copy spans from program 'grep -v ^# $WORK/spans.csv' with (format csv, header true)
\copy (select pg_temp.time_ordered_id(), c.id, s.kind, s.code, nullif(s.subcode, ''), s.start_date, s.end_date, nullif(s.end_reason, ''), 0, now(), 'bench', now() from spans s join child c on c.external_ref = s.ext) to '$WORK/episode.copy'
SQL
}

timed_copy() { # table columns file
  psql -q -v ON_ERROR_STOP=1 -c '\timing on' -c 'begin' -c "\\copy $1 ($2) from '$3'" -c 'rollback' \
    | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sed -n 2p
}

job_seconds() { # the latest job's time from start to end, and its status
  psql -At -c "select round(extract(epoch from finished_at - started_at)::numeric, 2) || ' ' || status || ' ' || coalesce(message, '')
               from import_job order by created_at desc limit 1"
}

run() { # label kind mode file [dry]
  CP_KIND=$2 CP_MODE=$3 CP_DRY_RUN=${5:-false} "$HERE/../import/import-file.sh" "$4" > /dev/null || true
  printf '%-34s %s\n' "$1" "$(job_seconds)"
}

clean
echo "rows: $ROWS children, $SPANS spans"
child_rows
printf '%-34s %s ms\n' "COPY children (rolled back)" \
  "$(timed_copy child 'id, personal_id, full_name, search_name, sort_name, date_of_birth, birth_date_estimated, sex, village_code, unit_path, address, version, created_at, created_by, updated_at' "$WORK/child.copy")"
run "children check pass (dry run)" children CREATE "$WORK/children.csv" true
run "children CREATE" children CREATE "$WORK/children.csv"
run "children UPSERT, every row changed" children UPSERT "$WORK/children-changed.csv"
span_rows
printf '%-34s %s ms\n' "COPY spans (rolled back)" \
  "$(timed_copy child_episode 'id, child_id, kind, code, subcode, start_date, end_date, end_reason, version, created_at, created_by, updated_at' "$WORK/episode.copy")"
run "spans check pass (dry run)" circumstances CREATE "$WORK/spans.csv" true
run "spans CREATE" circumstances CREATE "$WORK/spans.csv"
run "spans UPSERT, every span changed" circumstances UPSERT "$WORK/spans-changed.csv"
echo "API peak resident memory: $(grep VmHWM /proc/"$(cat "$DATA/api.pid")"/status | awk '{print $2, $3}')"
