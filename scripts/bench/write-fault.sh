#!/usr/bin/env bash
# Creates children for 70 s with 8 clients (write-load.py) while PostgreSQL of the local run fails
# 15 s in, then checks that every acknowledged create is in the database exactly once and that
# nothing else was written (docs/hardening.md, "Outages").
#   scripts/bench/write-fault.sh freeze   every PostgreSQL process stopped (SIGSTOP) for 25 s
#   scripts/bench/write-fault.sh crash    a server process killed: PostgreSQL resets and recovers
set -euo pipefail
MODE=${1:?freeze or crash}
MARK="$MODE$(date +%s)"
export PGPASSWORD=${PGPASSWORD:-postgres}
PM=$(pgrep -f "bin/postgres -D .*commune-child-protection/postgres" | head -1)
python3 "$(dirname "$0")/write-load.py" 70 8 "$MARK" &
load=$!
sleep 15
case $MODE in
  freeze) kill -STOP "$PM" $(pgrep -P "$PM"); sleep 25; kill -CONT "$PM" $(pgrep -P "$PM") ;;
  crash) kill -KILL "$(pgrep -P "$PM" | head -1)" ;;
  *) echo "freeze or crash" >&2; exit 2 ;;
esac
wait $load
awk '{print $2}' /tmp/acked.txt > /tmp/acked-ids.txt
psql -h 127.0.0.1 -p 5433 -U postgres -At postgres <<SQL
create temp table acked (id uuid);
\copy acked from '/tmp/acked-ids.txt'
select 'acknowledged ' || (select count(*) from acked) || ', distinct ' || (select count(distinct id) from acked)
  || ', found in the database ' || (select count(*) from acked a join child c on c.id = a.id)
  || ', rows written by this run ' || (select count(*) from child where full_name like 'Thử Tải $MARK %');
SQL
