#!/usr/bin/env bash
# Sends the contract tour (ContractTourTest: every operation of the contract answered, every example
# in it sent) through Stoplight Prism's validating proxy, an OpenAPI validator independent of the
# one the suite uses, and fails if Prism reports a single violation of the contract, in a request or
# in a response. Needs a JDK 21+, Maven Central and the npm registry; the build does not run it.
#
#   scripts/contract/tour-through-prism.sh      # log in target/prism/prism.log
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/prism
PORT=4010
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$OUT"
"$JAVA" scripts/contract/BundleContract.java openapi "$OUT/bundle.yaml"

# Prism ignores the base path of `servers` (stoplightio/prism#1100): the copy it reads has it in
# every path, so that /api/v1/children matches.
awk '/^paths:/ { inPaths = 1 } /^components:/ { inPaths = 0 }
     { if (inPaths && $0 ~ /^  \//) sub(/^  \//, "  /api/v1/"); print }' "$OUT/bundle.yaml" > "$OUT/openapi.yaml"

# The tour's application listens on the test port, 8081. Prism runs in its own process group, so
# that stopping the group stops node too.
setsid npx --yes @stoplight/prism-cli@5 proxy "$OUT/openapi.yaml" http://127.0.0.1:8081 -h 127.0.0.1 -p $PORT > "$OUT/prism.log" 2>&1 &
PRISM=$!
trap 'kill -- -$PRISM 2> /dev/null || true' EXIT
for _ in $(seq 1 60); do
  grep -aq "Prism is listening" "$OUT/prism.log" && break
  sleep 1
done
grep -aq "Prism is listening" "$OUT/prism.log" || { cat "$OUT/prism.log" >&2; exit 1; }

./mvnw -B verify -Dtest=ContractTourTest -Dsurefire.failIfNoSpecifiedTests=false -Dlint.skip=true \
  -Dcp.contract.proxy-port=$PORT

requests=$(grep -ac "Request received" "$OUT/prism.log" || true)
violations=$(grep -a "Violation:" "$OUT/prism.log" || true)
echo "Prism validated $requests requests and their responses."
if [ -n "$violations" ]; then
  echo "$violations" >&2
  echo "$(echo "$violations" | wc -l) contract violations (target/prism/prism.log)." >&2
  exit 1
fi
echo "No contract violation."
