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
#   CP_RETRY_FOR      seconds to keep retrying while the API, its database or Keycloak is out of
#                     reach or answers 429/502/503/504 (default 600)
# Needs curl and python3. Exit codes: 0 done; 1 the import failed or left rows out; 2 usage or
# connection problem that lasted CP_RETRY_FOR.
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

# Tokens live a few minutes: take a new one before each call that comes more than a minute after it.
token=
token_at=0
fresh_token() {
    if [[ -z "$token" ]] || (( SECONDS - token_at > 60 )); then
        local reply
        reply=$(with_backoff curl -sS --fail -d grant_type=client_credentials -d client_id="$client_id" \
            --data-urlencode client_secret="$secret" "$token_url") || { echo "Could not obtain a token from $token_url" >&2; exit 2; }
        token=$(echo "$reply" | json "d['access_token']")
        token_at=$SECONDS
    fi
}

# Runs a command until it succeeds, waiting 2, 4, 8 … 60 s between tries, for up to CP_RETRY_FOR
# seconds: a restart of the API, its database or Keycloak is ridden over, not reported.
retry_for=${CP_RETRY_FOR:-600}
with_backoff() {
    local wait=2 until=$((SECONDS + retry_for))
    until "$@"; do
        if (( SECONDS + wait > until )); then
            return 1
        fi
        echo "Not reachable just now; trying again in $wait s" >&2
        sleep "$wait"
        wait=$((wait * 2 > 60 ? 60 : wait * 2))
    done
}

# One API call: the body in $body and the status in $status_code. Transient answers (no connection,
# 429, 502, 503, 504) are retried with back-off, honouring Retry-After; anything else is returned.
api_call() {
    local wait=2 until=$((SECONDS + retry_for)) response headers
    headers=$(mktemp)
    while true; do
        fresh_token
        status_code=
        if response=$(curl -sS -D "$headers" -w '\n%{http_code}' -H "Authorization: Bearer $token" "$@"); then
            status_code=${response##*$'\n'}
            body=${response%$'\n'*}
            case "$status_code" in
                401) token= ;;
                429|502|503|504) ;;
                *) rm -f "$headers"; return 0 ;;
            esac
            local after
            after=$(tr -d '\r' < "$headers" | awk -F': ' 'tolower($1) == "retry-after" {print $2}')
            [[ "$after" =~ ^[0-9]+$ ]] && wait=$after
        fi
        if (( SECONDS + wait > until )); then
            rm -f "$headers"
            echo "Could not reach $api for $retry_for s" >&2
            exit 2
        fi
        echo "The API answered ${status_code:-nothing} just now; trying again in $wait s" >&2
        sleep "$wait"
        wait=$((wait * 2 > 60 ? 60 : wait * 2))
    done
}

# The same file with the same settings is the same request: a retried upload never starts two jobs.
# A job that failed because of a fault of the service (retryable) is sent again, once, with a new key.
key=$(cat "$file" <(echo "$mode $match_by $allow_partial $dry_run") | sha256sum | cut -c1-64)
query="kind=$kind&mode=$mode&matchBy=$match_by&allowPartial=$allow_partial&dryRun=$dry_run&fileName=$(basename "$file")"
deadline=$((SECONDS + timeout))
for sending in 1 2; do
    (( sending == 1 )) || key="$key-sent-again"
    api_call -X POST "$api/imports?$query" -H "Content-Type: $type" -H "Idempotency-Key: $key" \
        --data-binary @"$file"
    if [[ "$status_code" != 202 ]]; then
        echo "The upload was refused ($status_code):" >&2
        echo "$body" | python3 -m json.tool >&2 || echo "$body" >&2
        exit 1
    fi
    id=$(echo "$body" | json "d['id']")
    echo "Import $id queued ($file)."

    while true; do
        api_call "$api/imports/$id"
        if [[ "$status_code" != 200 ]]; then
            echo "Could not read import $id ($status_code)" >&2
            exit 2
        fi
        job=$body
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
    if [[ "$status" != FAILED || $(echo "$job" | json "d.get('retryable', False)") != True ]]; then
        break
    fi
    echo "$job" | json "d['message']" >&2
done

echo "$job" | json "'{0}: {1}'.format(d['status'], d.get('message', ''))"
echo "$job" | json "'rows read {rowsRead}, valid {rowsValid}, with problems {rowsInvalid}, written {rowsWritten}, unchanged {rowsUnchanged}'.format(**d['progress'])"
invalid=$(echo "$job" | json "d['progress']['rowsInvalid']")
if (( invalid > 0 )); then
    api_call "$api/imports/$id/errors" -H "Accept: text/csv"
    printf '%s\n' "$body" > "$file.errors.csv"
    echo "The problems of each row are in $file.errors.csv"
fi
if [[ "$status" != SUCCEEDED || "$invalid" != 0 ]]; then
    exit 1
fi
