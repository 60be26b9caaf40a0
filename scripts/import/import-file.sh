#!/usr/bin/env bash
# Imports a file of children, their circumstances or their supports into the commune
# child-protection API, unattended, with the importer service account: obtains a token with
# client credentials, uploads the file, waits for the job, prints the outcome, saves the error
# report next to the file, and exits non-zero on failure.
# Schedule it with cron or a systemd timer; see docs/imports.md.
#
#   CP_CLIENT_SECRET=... scripts/import/import-file.sh children.csv
#   CP_CLIENT_SECRET=... CP_KIND=circumstances scripts/import/import-file.sh hoan-canh.xlsx
#
# Settings (environment):
#   CP_API            the API base          (default http://127.0.0.1:8080/api/v1)
#   CP_TOKEN_URL      the token endpoint    (default: the local Keycloak realm child-protection)
#   CP_CLIENT_ID      the service account   (default cp-importer)
#   CP_CLIENT_SECRET  its secret            (required)
#   CP_KIND           children, circumstances or interventions (default children)
#   CP_MODE           CREATE or UPSERT      (default UPSERT, so a re-run changes nothing)
#   CP_MATCH_BY       PERSONAL_ID or EXTERNAL_REF (default EXTERNAL_REF)
#   CP_ALLOW_PARTIAL  true to write the good rows of a file with bad ones (default false)
#   CP_DRY_RUN        true to check only (default false)
#   CP_TIMEOUT        seconds to wait for the job (default 1800)
# Needs curl and python3. Exit codes: 0 done; 1 the import failed or left rows out; 2 usage or
# connection problem.
set -euo pipefail

file=${1:-}
if [[ -z "$file" || ! -f "$file" ]]; then
    echo "usage: CP_CLIENT_SECRET=... $0 <file.csv|file.jsonl|file.xlsx>" >&2
    exit 2
fi
api=${CP_API:-http://127.0.0.1:8080/api/v1}
token_url=${CP_TOKEN_URL:-http://127.0.0.1:8180/realms/child-protection/protocol/openid-connect/token}
client_id=${CP_CLIENT_ID:-cp-importer}
secret=${CP_CLIENT_SECRET:?set CP_CLIENT_SECRET to the secret of $client_id}
kind=${CP_KIND:-children}
mode=${CP_MODE:-UPSERT}
match_by=${CP_MATCH_BY:-EXTERNAL_REF}
allow_partial=${CP_ALLOW_PARTIAL:-false}
dry_run=${CP_DRY_RUN:-false}
timeout=${CP_TIMEOUT:-1800}

case "$file" in
    *.csv) type=text/csv ;;
    *.jsonl|*.ndjson) type=application/jsonl ;;
    *.xlsx) type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet ;;
    *) echo "The file must end in .csv, .jsonl or .xlsx" >&2; exit 2 ;;
esac

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d}))" "$1"; }

reply=$(curl -sS --fail -d grant_type=client_credentials -d client_id="$client_id" --data-urlencode client_secret="$secret" \
    "$token_url") || { echo "Could not obtain a token from $token_url" >&2; exit 2; }
token=$(echo "$reply" | json "d['access_token']")

# The same file with the same settings is the same request: a retried upload never starts two jobs.
key=$(cat "$file" <(echo "$mode $match_by $allow_partial $dry_run") | sha256sum | cut -c1-64)
query="kind=$kind&mode=$mode&matchBy=$match_by&allowPartial=$allow_partial&dryRun=$dry_run&fileName=$(basename "$file")"
response=$(curl -sS -w '\n%{http_code}' -X POST "$api/imports?$query" -H "Authorization: Bearer $token" \
    -H "Content-Type: $type" -H "Idempotency-Key: $key" --data-binary @"$file") || { echo "Could not reach $api" >&2; exit 2; }
status_code=${response##*$'\n'}
body=${response%$'\n'*}
if [[ "$status_code" != 202 ]]; then
    echo "The upload was refused ($status_code):" >&2
    echo "$body" | python3 -m json.tool >&2 || echo "$body" >&2
    exit 1
fi
id=$(echo "$body" | json "d['id']")
echo "Import $id queued ($file)."

deadline=$((SECONDS + timeout))
while true; do
    job=$(curl -sS --fail "$api/imports/$id" -H "Authorization: Bearer $token") || { echo "Could not read import $id" >&2; exit 2; }
    status=$(echo "$job" | json "d['status']")
    if [[ "$status" == SUCCEEDED || "$status" == FAILED ]]; then
        break
    fi
    if (( SECONDS > deadline )); then
        echo "Import $id is still $status after $timeout s; look at it later with GET $api/imports/$id" >&2
        exit 1
    fi
    sleep 2
done

echo "$job" | json "'{0}: {1}'.format(d['status'], d.get('message', ''))"
echo "$job" | json "'rows read {rowsRead}, valid {rowsValid}, with problems {rowsInvalid}, written {rowsWritten}, unchanged {rowsUnchanged}'.format(**d['progress'])"
invalid=$(echo "$job" | json "d['progress']['rowsInvalid']")
if (( invalid > 0 )); then
    curl -sS --fail "$api/imports/$id/errors" -H "Authorization: Bearer $token" -H "Accept: text/csv" -o "$file.errors.csv"
    echo "The problems of each row are in $file.errors.csv"
fi
if [[ "$status" != SUCCEEDED || "$invalid" != 0 ]]; then
    exit 1
fi
