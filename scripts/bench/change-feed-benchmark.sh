#!/usr/bin/env bash
# What the change feed costs a write, and how fast it is read (docs/performance.md, docs/sync.md),
# against the local run (./mvnw -Plocal) with the bench province loaded (performance-benchmark.sh
# loads it). Each API figure stands next to the same SQL run by psql or pgbench in the same run.
# Needs psql, pgbench, curl and python3. Usage: [FEED_ONLY=1] scripts/bench/change-feed-benchmark.sh [rows] [seconds]
# (FEED_ONLY=1: only the feed's figures, not the cost of writes.)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
SECONDS_EACH=${2:-20}
BASE=${BASE:-http://127.0.0.1:8080}
TOKEN_URL=${TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}
export PGPASSWORD=${PGPASSWORD:-postgres}
PG=(-h 127.0.0.1 -p 5433 -U postgres -d postgres)
WORK=$(mktemp -d)
restore() {
  psql "${PG[@]}" -qc "alter table child enable trigger child_change_update" > /dev/null || true
  rm -rf "$WORK"
}
trap restore EXIT

psql_value() { psql "${PG[@]}" -Atqc "$1"; }
millis() { local start=$(date +%s%N); "$@" > /dev/null; echo $(( ($(date +%s%N) - start) / 1000000 )); }
token() {
  curl -sf -d grant_type=password -d client_id=cp-test -d username=commune.bench -d password=demo-bench "$TOKEN_URL" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
if [ "$(psql_value "select count(*) from child where created_by = 'bench' and unit_path <@ '99.99001'")" -lt 1000 ]; then
  echo "Load the bench province first: scripts/bench/performance-benchmark.sh"; exit 1
fi

if [ "${FEED_ONLY:-}" != 1 ]; then
# 1. Bulk writes: $ROWS children inserted, then updated, by one statement each, in a transaction
# rolled back; with the change triggers, and with them disabled inside that transaction.
bulk() { # $1: "on" or "off", $2: insert or update
  local off=""
  [ "$1" = off ] && off="alter table child disable trigger child_change_insert; alter table child disable trigger child_change_update;"
  local statement
  if [ "$2" = insert ]; then
    statement="insert into child select (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(),
      'personal_id', null, 'external_ref', null))).* from child c where created_by = 'bench' limit $ROWS;"
  else
    statement="update child set updated_at = updated_at + interval '1 millisecond'
      where id in (select id from child where created_by = 'bench' limit $ROWS);"
  fi
  millis psql "${PG[@]}" -qc "begin; $off $statement rollback;"
}
for kind in insert update; do
  best_on=999999 best_off=999999
  for _ in 1 2 3; do
    t=$(bulk off $kind); [ "$t" -lt "$best_off" ] && best_off=$t
    t=$(bulk on $kind); [ "$t" -lt "$best_on" ] && best_on=$t
  done
  echo "bulk $kind of $ROWS children: ${best_off} ms without the change log, ${best_on} ms with it (best of 3)"
done

# 2. One-record writes as the API makes them (a version moved), 8 clients, with and without the trigger.
psql "${PG[@]}" -q <<'SQL'
drop table if exists bench_feed_ids;
create table bench_feed_ids as
select row_number() over () as n, id from (select id from child where created_by = 'bench' order by md5(id::text) limit 2000) c;
create unique index on bench_feed_ids (n);
SQL
cat > "$WORK/write.sql" <<'SQL'
\set n random(1, 2000)
update child set version = version + 1, updated_at = now() where id = (select id from bench_feed_ids where n = :n);
SQL
tps() { pgbench "${PG[@]}" -n -M prepared -f "$1" -c 8 -j 2 -T "$SECONDS_EACH" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p'; }
psql "${PG[@]}" -qc "alter table child disable trigger child_change_update"
without=$(tps "$WORK/write.sql")
psql "${PG[@]}" -qc "alter table child enable trigger child_change_update"
with=$(tps "$WORK/write.sql")
echo "one-record updates, 8 clients: $without tps without the change log, $with tps with it"
fi

# 3. Reading the feed: a change to every child of commune 99001, drained by commune.bench 200 at a
# time, next to pgbench running the feed's own log query for a page and the read of its 200 records.
CHANGES=$(psql_value "select count(*) from child where unit_path <@ '99.99001'")
TOKEN=$(token)
since=$(curl -sf -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/changes?types=child" | python3 -c 'import json,sys; print(json.load(sys.stdin)["nextToken"])')
psql "${PG[@]}" -qc "update child set updated_at = updated_at + interval '1 millisecond' where unit_path <@ '99.99001'"
: > "$WORK/times"
start=$(date +%s%N) got=0 pages=0 more=True
while [ "$more" = True ] || [ "$got" -lt "$CHANGES" ]; do
  [ "$pages" -gt 0 ] && [ $(( pages % 40 )) = 0 ] && TOKEN=$(token)  # tokens live 300 s
  curl -sf -w '%{time_total}\n' -o "$WORK/page.json" -H "Authorization: Bearer $TOKEN" \
    "$BASE/api/v1/changes?types=child&pageSize=200&since=$since" >> "$WORK/times"
  # Read with grep and sed: starting a python3 per page would take longer than the page itself.
  n=$(grep -o '"change":"' "$WORK/page.json" | wc -l)
  since=$(sed -n 's/.*"nextToken":"\([^"]*\)".*/\1/p' "$WORK/page.json")
  more=$(grep -q '"more":true' "$WORK/page.json" && echo True || echo False)
  got=$(( got + n )) pages=$(( pages + 1 ))
  [ "$n" = 0 ] && [ "$more" = False ] && break
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
answered=$(awk '{ s += $1 } END { printf "%d", s * 1000 }' "$WORK/times")
echo "feed: $got changes in $pages pages, $answered ms waiting for the API ($elapsed ms with this loop):" \
  "$(( got * 1000 / (answered + 1) )) changes per second (one client)"
psql "${PG[@]}" -q <<SQL
drop table if exists bench_feed_pos;
create table bench_feed_pos as select row_number() over (order by tx, seq) as n, tx, seq from (
  select tx, seq from change_log where record_type = 'child' and paths[1] <@ '99.99001'
  order by tx desc, seq desc limit $CHANGES) newest;
create unique index on bench_feed_pos (n);
SQL
cat > "$WORK/page.sql" <<SQL
\\set n random(1, $(( CHANGES - 200 )))
with page as (select c.record_id from change_log c
  where (c.tx, c.seq) > (select tx, seq from bench_feed_pos where n = :n) and c.record_type = 'child'
    and exists (select 1 from unnest(c.paths) p where '{99.99001}'::ltree[] @> p)
  order by c.tx, c.seq limit 200)
select * from child where id in (select record_id from page);
SQL
pages_tps=$(pgbench "${PG[@]}" -n -M prepared -f "$WORK/page.sql" -c 1 -j 1 -T "$SECONDS_EACH" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
echo "the same pages in SQL (log query and 200 records), one client: $pages_tps pages per second = $(python3 -c "print(round($pages_tps * 200))") changes per second"
psql "${PG[@]}" -qc "drop table if exists bench_feed_ids; drop table bench_feed_pos"
