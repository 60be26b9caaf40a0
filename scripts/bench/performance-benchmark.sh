#!/usr/bin/env bash
# Province-scale speed (docs/performance.md), against the local run (./mvnw -Plocal): loads
# province-dataset.sql when it is not there, then measures each API figure next to pgbench running
# the equivalent SQL on the same database in the same run, and the API's peak resident size. Needs
# pgbench, psql, curl, and wrk when installed, else a JDK (Load.java). The bench accounts
# (district.bench, commune.bench) come from the demo realm (README).
# Usage: [BENCH_CHILDREN=30000] [JIT_WARMUP=180] [ROUNDS=3] scripts/bench/performance-benchmark.sh [seconds per measure]
# (BENCH_CHILDREN: the size of the province loaded when none is there; 300,000 by default.
# JIT_WARMUP: seconds of load before the first measure, not counted. ROUNDS: how many times the
# read and the transition are measured, each time right before their pgbench baseline, so that a
# ratio is taken between figures of the same minute; the summary gives the median ratio.)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/bench/time-ordered-id.sh
SECONDS_EACH=${1:-20}
WARMUP=5
JIT_WARMUP=${JIT_WARMUP:-180}
ROUNDS=${ROUNDS:-3}
[[ $SECONDS_EACH =~ ^[1-9][0-9]{0,3}$ ]] || { echo "The seconds per measure must be a whole number from 1 to 9999, not '$SECONDS_EACH'." >&2; exit 2; }
[[ $JIT_WARMUP =~ ^[1-9][0-9]{0,3}$ && $JIT_WARMUP -ge 4 ]] || { echo "JIT_WARMUP must be a whole number of seconds from 4 to 9999, not '$JIT_WARMUP'." >&2; exit 2; }
[[ $ROUNDS =~ ^[1-9][0-9]?$ ]] || { echo "ROUNDS must be a whole number from 1 to 99, not '$ROUNDS'." >&2; exit 2; }
BASE=${BASE:-http://127.0.0.1:8080}
TOKEN_URL=${TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}
DATA=${LOCAL_DATA:-${XDG_DATA_HOME:-$HOME/.local/share}/commune-child-protection}
export PGPASSWORD=${PGPASSWORD:-postgres}
PG=(-h 127.0.0.1 -p 5433 -U postgres -d postgres)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

psql_value() { psql "${PG[@]}" -Atqc "$1"; }

if [ "$(psql_value "select count(*) from child where created_by = 'bench'")" = 0 ]; then
  echo "Loading scripts/bench/province-dataset.sql with ${BENCH_CHILDREN:=300000} children (about a minute)..."
  psql "${PG[@]}" -q -v children="$BENCH_CHILDREN" -f scripts/bench/province-dataset.sql > /dev/null
  echo "Restart the local run so that it computes the deadlines of the new cases, then run this again."
  exit 0
fi
API_PID=$(cat "$DATA/api.pid")
CHILDREN=$(psql_value "select count(*) from child where created_by = 'bench'")

# The records read: 2,000 children of the province, the same ids for the API and for pgbench.
psql "${PG[@]}" -q <<'SQL'
drop table if exists bench_ids;
create table bench_ids as
select row_number() over () as n, id from (select id from child where created_by = 'bench' order by md5(id::text) limit 2000) c;
create unique index on bench_ids (n);
analyze bench_ids;
SQL
psql_value "select '/api/v1/children/' || id from bench_ids" > "$WORK/read.urls"
cat > "$WORK/read.sql" <<'SQL'
\set n random(1, 2000)
select * from child where id = (select id from bench_ids where n = :n);
SQL

# Name searches as people type them: whole words, first letters, family plus middle name.
WORDS=(thuy "nguyen thi" h an "hoang van" linh "tr" "minh anh")
: > "$WORK/search.urls"
for w in "${WORDS[@]}"; do
  echo "/api/v1/children?q=${w// /%20}" >> "$WORK/search.urls"
done
# The service's own search statement (ChildRepository.pageFromWordLists, first page sorted by name)
# for a caller whose scope is $2, read from the lists of unit $1, one of the same words at random:
# pgbench variables are numbers, so each word's range in the lists (from its longest word) and
# its word-start patterns are picked from arrays. Run with custom plans, as the service runs it.
search_sql() {
  local froms=() tos=() patterns=() w x p longest
  for w in "${WORDS[@]}"; do
    p="" longest=""
    for x in $w; do p+="% $x%|"; [ ${#x} -gt ${#longest} ] && longest=$x; done
    froms+=("'$longest'")
    tos+=("'$(python3 -c 'import sys; w = sys.argv[1]; print(w[:-1] + chr(ord(w[-1]) + 1))' "$longest")'")
    patterns+=("'${p%|}'")
  done
  local IFS=,
  cat <<SQL
\set w random(1, ${#WORDS[@]})
with recursive words (unit_key, word) as (
    select k, (select min(w.word) from child_name_word w
               where w.unit_key = k and w.word >= (array[${froms[*]}])[:w] and w.word < (array[${tos[*]}])[:w])
    from unnest(cast('{$1}' as ltree[])) k
    union all
    select s.unit_key, (select min(w.word) from child_name_word w
                        where w.unit_key = s.unit_key and w.word > s.word and w.word < (array[${tos[*]}])[:w])
    from words s where s.word is not null)
select c.id from words s cross join lateral (
    select t.child_id as id, t.sort_name from child_name_word t left join child c on c.id = t.child_id
    where cast('{$2}' as ltree[]) @> t.unit_path and t.unit_key = s.unit_key and t.word = s.word
      and (' ' || t.search_name) like all (string_to_array((array[${patterns[*]}])[:w], '|'))
    order by t.sort_name, t.child_id limit 51) c
where s.word is not null group by c.id, c.sort_name order by c.sort_name, c.id limit 51;
SQL
}
search_sql 99.99001 99.99001 > "$WORK/search-commune.sql"
search_sql 99 99 > "$WORK/search-province.sql"

# wrk when installed (its own load costs the machine least: Load.java took 1.2-1.7 ms of the two
# processors per case transition, wrk 0.2, docs/performance.md), else the JDK's Load.java;
# both print "N req/s  median  p99  max  non-2xx  answered-p99" (Load.java: non-200): wrk's
# percentiles, which it corrects for coordinated omission, and the p99 of the answers themselves
# (scripts/bench/answered.lua, which each wrk script begins with; docs/performance.md, "What p99
# means here"). A token lives 300 s: wrk gets a fresh one per measure.
{ cat scripts/bench/answered.lua; cat <<'LUA'
local paths = {}
for line in io.lines(os.getenv("URLS")) do paths[#paths + 1] = line end
local header = {["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
request = function() return wrk.format("GET", paths[math.random(#paths)], stamped(header)) end
response = function(status, headers, body) note(headers) end
LUA
} > "$WORK/urls.lua"
# Case transitions, with as many threads as connections so that each thread's requests and answers
# alternate on its one connection: thread n assigns the case of line n of $URLS again and again,
# each time with the ETag of its last answer in If-Match. It reads the case first (one GET per
# connection and measure), and again after any answer that is not 200.
{ cat scripts/bench/answered.lua; cat <<'LUA'
init = function(args)
  local i = 0
  for line in io.lines(os.getenv("URLS")) do i = i + 1; if i == n then path = line end end
  auth, step = "Bearer " .. os.getenv("TOKEN"), os.getenv("BODY")
end
request = function()
  if etag == nil then return wrk.format("GET", path, stamped({["Authorization"] = auth})) end
  return wrk.format("POST", path .. "/transitions",
    stamped({["Authorization"] = auth, ["If-Match"] = etag, ["Content-Type"] = "application/json"}), step)
end
response = function(status, headers, body)
  note(headers)
  etag = status == 200 and (headers["ETag"] or headers["etag"]) or nil
end
LUA
} > "$WORK/transitions.lua"
token() {
  curl -sf -d grant_type=password -d client_id=cp-test -d username="$1" -d password="$2" "$TOKEN_URL" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
# wrk with a script (TOKEN, URLS and BODY in the environment): the warm-up, then the measure.
drive() { # lua-script threads connections warm-up-seconds
  wrk -t"$2" -c"$3" -d"$4"s -s "$1" "$BASE" > /dev/null
  wrk -t"$2" -c"$3" -d"${SECONDS_EACH}s" --timeout 30s -s "$1" "$BASE" | tail -1
}
load() { # user password url-file connections
  if command -v wrk > /dev/null; then
    TOKEN=$(token "$1" "$2") URLS=$3 drive "$WORK/urls.lua" $(( $4 < 2 ? 1 : 2 )) "$4" "$WARMUP"
  else
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" scripts/bench/Load.java "$BASE" "$TOKEN_URL" "$1" "$2" "$3" "$4" "$SECONDS_EACH" "$WARMUP"
  fi
}
bench() { # sql-file clients
  pgbench "${PG[@]}" -n -M prepared -f "$1" -c "$2" -j 2 -T "$SECONDS_EACH" 2>/dev/null \
    | awk '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%.0f tps  mean %.1f ms\n", tps, lat}'
}

# Each measure is printed as it is taken, and also kept ("name|API line|pgbench line|aim") for the
# summary at the end.
SUMMARY=()
measure() { # name aim api-command [pgbench-label pgbench-command]: the API's figure, then PostgreSQL's right after it
  local api pg=""
  api=$(eval "$3")
  printf '%-44s %s\n' "$1" "$api"
  if [ -n "${5:-}" ]; then
    pg=$(eval "$5")
    printf '%-44s %s\n' "  pgbench: $4" "$pg"
  fi
  SUMMARY+=("$1|$api|$pg|$2")
}
# The summary: per measure the API's requests per second, median, p99 and answered p99 (the
# medians of its rounds), the PostgreSQL baseline's, the ratio of the two (the median of the
# rounds' ratios, and their range), and the aim of issue 24.
summary() {
  printf '%s\n' "${SUMMARY[@]}" | awk -F'|' '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    {
      if (!($1 in seen)) { seen[$1] = 1; order[++names] = $1; aim[$1] = $4 }
      words = split($2, w, " "); rps[$1] = rps[$1] " " w[1]
      for (i = 1; i <= words; i++) if (w[i] == "median") med[$1] = med[$1] " " w[i + 1]; else if (w[i] == "p99") p99[$1] = p99[$1] " " w[i + 1]
        else if (w[i] == "answered-p99") answered[$1] = answered[$1] " " w[i + 1]
      if ($3 != "") {
        split($3, b, " "); r = 100 * w[1] / b[1]; tps[$1] = tps[$1] " " b[1]; ratio[$1] = ratio[$1] " " r
        if (!($1 in lo) || r < lo[$1]) lo[$1] = r
        if (!($1 in hi) || r > hi[$1]) hi[$1] = r
      }
    }
    END {
      printf "\n%-44s | %-60s | %-10s | %-24s | %s\n", "measure (medians of its rounds)", "API", "PostgreSQL", "API / PostgreSQL (range)", "aim"
      for (k = 1; k <= names; k++) {
        n = order[k]; rounds = split(rps[n], x, " ")
        line = sprintf("%.0f req/s, median %.1f ms, p99 %.1f ms (answered %.1f ms)", median(rps[n]), median(med[n]), median(p99[n]),
                       median(answered[n]))
        versus = !(n in tps) ? "" : rounds == 1 ? sprintf("%.1f%%", ratio[n]) \
            : sprintf("%.1f%% (%.1f-%.1f%%, %d rounds)", median(ratio[n]), lo[n], hi[n], rounds)
        printf "%-44s | %-60s | %-10s | %-24s | %s\n", n, line, n in tps ? sprintf("%.0f tps", median(tps[n])) : "", versus, aim[n]
      }
    }'
}

# On two CPUs the JIT needs minutes of load to compile the hot paths: reads measured after 30 s
# of warm-up answered 666 per second, after three minutes 1,100-1,250 (docs/performance.md).
# JIT_WARMUP seconds of reads and searches go first, not counted, and a quarter of that of
# transitions before theirs.
SECONDS_EACH=$((JIT_WARMUP * 3 / 4)) load district.bench demo-bench "$WORK/read.urls" 32 > /dev/null
SECONDS_EACH=$((JIT_WARMUP / 4)) load commune.bench demo-bench "$WORK/search.urls" 8 > /dev/null

echo "Province: $CHILDREN children of the benchmark; API pid $API_PID; $(nproc) CPUs; ${SECONDS_EACH} s per measure."
echo
for round in $(seq "$ROUNDS"); do
  measure "GET /children/{id}, 32 connections" ">= 25%, p99 <= 25 ms" 'load district.bench demo-bench "$WORK/read.urls" 32' \
    "the child's row by id, 32" 'bench "$WORK/read.sql" 32'
done
# The ceiling of the read's ratio: the caller's own account, which reads no record, writes no
# audit event and touches no table, is what any authenticated request costs in this stack.
echo "/api/v1/me" > "$WORK/me.urls"
measure "GET /me (no record), 32 connections" "" 'load district.bench demo-bench "$WORK/me.urls" 32' \
  "the child's row by id, 32" 'bench "$WORK/read.sql" 32'
for c in 1 8; do
  aim=$([ "$c" = 8 ] && echo 'p99 <= 50 ms' || true)
  measure "search q=, commune officer, $c connections" "$aim" 'load commune.bench demo-bench "$WORK/search.urls" $c' \
    "the same search SQL, $c" 'PGOPTIONS="-c plan_cache_mode=force_custom_plan" bench "$WORK/search-commune.sql" $c'
  measure "search q=, province, $c connections" "$aim" 'load district.bench demo-bench "$WORK/search.urls" $c' \
    "the same search SQL, $c" 'PGOPTIONS="-c plan_cache_mode=force_custom_plan" bench "$WORK/search-province.sql" $c'
done
# The first page of children (sorted by name) of a commune officer and of a district supervisor
# (the province), against the statement that finds the page's ids (ChildRepository.pageOfIds,
# with the commune or the province it states), planned for its values as the service plans it;
# the service then loads the page's children and their spans.
echo "/api/v1/children" > "$WORK/list.urls"
list_sql() { # scope-path level
  cat <<SQL
select c.id from child c where case when (select cast('{$1}' as ltree[])) @> c.unit_path then true else false end
  and c.status <> 'MERGED' and subpath(c.unit_path, 0, $2) >= cast('$1' as ltree) and subpath(c.unit_path, 0, $2) <= cast('$1' as ltree)
order by subpath(c.unit_path, 0, $2), c.sort_name, c.id limit 51;
SQL
}
list_sql 99.99001 2 > "$WORK/list-commune.sql"
list_sql 99 1 > "$WORK/list-province.sql"
measure "children list, commune officer, 8 connections" "" 'load commune.bench demo-bench "$WORK/list.urls" 8' \
  "the page's ids SQL, 8" 'PGOPTIONS="-c plan_cache_mode=force_custom_plan" bench "$WORK/list-commune.sql" 8'
measure "children list, province, 8 connections" "" 'load district.bench demo-bench "$WORK/list.urls" 8' \
  "the page's ids SQL, 8" 'PGOPTIONS="-c plan_cache_mode=force_custom_plan" bench "$WORK/list-province.sql" 8'
# Case transitions: eight open cases of commune 99001 reported through the API for the benchmark,
# one per client, each assigned again and again (ASSIGN is allowed in every open state and moves
# the case's version). The load generator reads each case's ETag and sends If-Match; pgbench updates the
# same rows the way the transition does (the case row; the API also writes the event, the
# deadlines and the audit event).
OFFICER=$(token commune.bench demo-bench)
for child in $(psql_value "select c.id from child c where c.unit_path <@ '99.99001' and c.created_by = 'bench'
                           and not exists (select 1 from child_case k where k.child_id = c.id and k.created_by = 'commune.bench')
                           order by c.id limit greatest(0, 8 - (select count(*) from child_case where created_by = 'commune.bench'
                                                                and status not in ('CLOSED', 'CLOSED_UNSUBSTANTIATED')))"); do
  curl -sf -o /dev/null -H "Authorization: Bearer $OFFICER" -H 'Content-Type: application/json' "$BASE/api/v1/cases" -d \
    "{\"childId\":\"$child\",\"type\":\"ABUSE\",\"sourceChannel\":\"SCHOOL\",\"receivedAt\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",
      \"abuseForms\":[\"VIOLENCE\"],\"setting\":\"FAMILY\",\"childInDanger\":false}"
done
psql "${PG[@]}" -q <<'SQL'
drop table if exists bench_cases;
create table bench_cases as
select row_number() over (order by id) as n, id from child_case
where created_by = 'commune.bench' and status not in ('CLOSED', 'CLOSED_UNSUBSTANTIATED') order by id limit 8;
SQL
psql_value "select '/api/v1/cases/' || id from bench_cases order by n" > "$WORK/cases.urls"
cat > "$WORK/transition.sql" <<'SQL'
\set n random(1, 8)
update child_case set assigned_officer = 'commune.bench', version = version + 1, updated_at = now()
where id = (select id from bench_cases where n = :n);
SQL
# The statements an ASSIGN sends (PostgreSQL's statement log, docs/performance.md "Case
# transitions, what the database does"), in one transaction: the case locked and loaded, its
# child's name, its deadlines, the update above, its event and its audit row, with states the size
# of the case's row. The event and the audit row go to empty copies of their tables (indexes
# included), so that the benchmark leaves no timeline or audit entry nobody made; with smaller
# indexes than the real ones, the figure is an upper bound of what these statements allow.
STATE=$(psql_value "select to_jsonb(c) from child_case c join bench_cases b on b.id = c.id where b.n = 1" | sed "s/'/''/g")
psql "${PG[@]}" -q <<'SQL'
set client_min_messages = warning;
drop table if exists bench_case_event, bench_audit_event;
create table bench_case_event (like case_event including all);
create table bench_audit_event (like audit_event including all);
SQL
cat > "$WORK/transition-statements.sql" <<SQL
\set n random(1, 8)
begin;
select * from child_case where id = (select id from bench_cases where n = :n) for no key update;
select id, full_name, village_code from child where id = (select c.child_id from child_case c join bench_cases b on b.id = c.id where b.n = :n);
select case_id, step, due_at, met_at from case_deadline where case_id = (select id from bench_cases where n = :n);
$(sed 1d "$WORK/transition.sql")
insert into bench_case_event (id, case_id, kind, action, from_state, to_state, occurred_at, recorded_at, recorded_by, data)
select $TIME_ORDERED_ID_SQL, c.id, 'ASSIGNMENT', 'ASSIGN', c.status, c.status, now(), now(), 'pgbench', '{"officer": "commune.bench"}'
from child_case c join bench_cases b on b.id = c.id where b.n = :n;
insert into bench_audit_event (id, occurred_at, actor, actor_subject, client_id, action, record_type, record_id, unit_path,
                               before_state, after_state, request_id)
select $TIME_ORDERED_ID_SQL, now(), 'pgbench', 'pgbench', 'pgbench', 'ASSIGN', 'case', cast(c.id as text), c.unit_path, '$STATE', '$STATE',
       cast($TIME_ORDERED_ID_SQL as text)
from child_case c join bench_cases b on b.id = c.id where b.n = :n;
commit;
SQL
transitions() { # warm-up seconds
  local step='{"action":"ASSIGN","officer":"commune.bench"}'
  if command -v wrk > /dev/null; then
    TOKEN=$(token commune.bench demo-bench) URLS=$WORK/cases.urls BODY=$step drive "$WORK/transitions.lua" 8 8 "$1"
  else
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" scripts/bench/Load.java "$BASE" "$TOKEN_URL" commune.bench demo-bench "$WORK/cases.urls" 8 \
      "$SECONDS_EACH" "$1" /transitions "$step"
  fi
}
for round in $(seq "$ROUNDS"); do
  # The JIT's warm-up of transitions before the first round only.
  warm=$(( round == 1 ? JIT_WARMUP / 4 : WARMUP ))
  measure "case transition (ASSIGN), 8 connections" ">= 25%" 'transitions $warm' \
    "the case row's update, 8" 'bench "$WORK/transition.sql" 8'
  printf '%-44s %s\n' "  pgbench: the transition's statements, 8" "$(bench "$WORK/transition-statements.sql" 8)"
done
psql "${PG[@]}" -q -c "drop table bench_case_event, bench_audit_event"
echo "/api/v1/children/duplicates" > "$WORK/duplicates.urls"
measure "GET /children/duplicates, province, 1" "median <= 100 ms" 'load district.bench demo-bench "$WORK/duplicates.urls" 1'
echo "/api/v1/exports/circular-13?unit=99&period=2025&format=json" > "$WORK/export.urls"
measure "province export (json), 1 connection" "median <= 1 s" 'load district.bench demo-bench "$WORK/export.urls" 1'
echo "/api/v1/exports/circular-13?unit=99001&period=2025&format=json" > "$WORK/export-commune.urls"
measure "one commune's export (json), 1 connection" "median <= 100 ms" 'load commune.bench demo-bench "$WORK/export-commune.urls" 1'
summary
echo
grep -E 'VmHWM|VmRSS' "/proc/$API_PID/status" | tr -s ' \t' ' ' | sed 's/^/API resident size (aim: a peak of 600 MB at most): /'
