#!/usr/bin/env bash
# Cheap reads under export overload (docs/hardening.md, "Overload"), against the local run
# (./mvnw -Plocal) with province-dataset.sql loaded. Needs wrk and pgbench.
#
# 1. Alone: a commune officer reads one child's record (GET /children/{id}) and /me, 2 connections.
# 2. Overloaded: the same, while HEAVY clients export province 99 (GET /exports/circular-13, 6 s
#    each when alone) and LIST clients page through all its children 200 at a time.
# Each phase also runs pgbench with the equivalent SQL (the child's row by id) for the same time, so
# that the API's figures can be read against the database's own on this machine at that moment.
# Usage: scripts/bench/overload-benchmark.sh [seconds] [heavy clients] [list clients]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-60}
HEAVY=${2:-30}
LISTS=${3:-30}
API=${API:-http://127.0.0.1:8080/api/v1}
TOKEN_URL=${TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}
export PGPASSWORD=${PGPASSWORD:-postgres}
PG=(-h 127.0.0.1 -p 5433 -U postgres)

token() {
  curl -sf -d grant_type=password -d client_id=cp-test -d username="$1" -d password="$2" "$TOKEN_URL" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

OFFICER=$(token commune.yenphuc demo-commune)
ADMIN=$(token admin demo-admin)
CHILD=$(curl -sf -H "Authorization: Bearer $OFFICER" "$API/children?pageSize=1" | sed 's/.*"id":"\([^"]*\)".*/\1/')
cat > /tmp/child-by-id.sql <<SQL
select * from child where id = '$CHILD';
SQL

# The read, its requests stamped so that the answers' own p99 is printed beside wrk's percentiles,
# which wrk corrects for coordinated omission (scripts/bench/answered.lua).
{ cat scripts/bench/answered.lua; cat <<'LUA'
local header = {["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
request = function() return wrk.format("GET", nil, stamped(header)) end
response = function(status, headers, body) note(headers) end
LUA
} > /tmp/cheap-read.lua

cheap() {
  # $1 = phase name
  echo "== $1: GET /children/{id}"
  TOKEN=$OFFICER wrk -t1 -c2 -d"${SECONDS_EACH}s" --latency -s /tmp/cheap-read.lua "$API/children/$CHILD" \
    | grep -E "Latency|50%|90%|99%|requests in|Non-2xx|Socket errors|answered-p99"
  echo "== $1: pgbench, the same row by id, 2 clients"
  rm -f /tmp/pgbench-cheap.*
  (cd /tmp && pgbench "${PG[@]}" -n -c2 -T"$((SECONDS_EACH / 2))" -l --log-prefix=pgbench-cheap -f /tmp/child-by-id.sql postgres \
    2>/dev/null | grep -E "tps")
  # Each line of the log: client, transaction, latency in µs, ...
  cat /tmp/pgbench-cheap.* | awk '{print $3}' | sort -n | awk '{a[NR] = $1} END {
    printf "     50%%    %.2fms\n     90%%    %.2fms\n     99%%    %.2fms\n", a[int(NR*0.5)]/1000, a[int(NR*0.9)]/1000, a[int(NR*0.99)]/1000}'
}

cheap "alone"

echo "== overloaded: $HEAVY export clients and $LISTS list clients for $((SECONDS_EACH + 20)) s"
wrk -t2 -c"$HEAVY" -d"$((SECONDS_EACH + 20))s" --timeout 60s -H "Authorization: Bearer $ADMIN" \
  "$API/exports/circular-13?unit=99&period=2025&format=json" > /tmp/overload-heavy.txt &
heavy=$!
wrk -t2 -c"$LISTS" -d"$((SECONDS_EACH + 20))s" --timeout 60s -H "Authorization: Bearer $ADMIN" \
  "$API/children?unit=99&pageSize=200" > /tmp/overload-lists.txt &
lists=$!
sleep 10
cheap "overloaded"
curl -s -o /dev/null -w "== overloaded: liveness %{http_code} in %{time_total} s\n" http://127.0.0.1:9000/q/health/live
curl -s -o /dev/null -w "== overloaded: readiness %{http_code} in %{time_total} s\n" http://127.0.0.1:9000/q/health/ready
ps -o rss= -p "$(pgrep -f quarkus-run.jar | head -1)" | awk '{printf "== overloaded: API resident memory %d MB\n", $1 / 1024}'
wait $heavy $lists
echo "== the export clients"; grep -E "requests in|Non-2xx|Socket errors|Latency" /tmp/overload-heavy.txt
echo "== the list clients"; grep -E "requests in|Non-2xx|Socket errors|Latency" /tmp/overload-lists.txt
