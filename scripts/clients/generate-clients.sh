#!/usr/bin/env bash
# Generates the Java and TypeScript clients a frontend or integration developer would generate
# from the contract, with openapi-generator, and compiles both: a check that the contract's names
# and shapes give clean clients (no ModelCase, no …Inner or …200Response classes, one request
# object per operation instead of twenty positional parameters). Given the base URL of a running
# service with the demo realm (the local run), it then downloads through both clients the export as
# typed JSON and as files, and an import template (Downloads.java, downloads.ts). Needs a JDK 21+,
# Maven Central and the npm registry; the build does not run it.
#
#   scripts/clients/generate-clients.sh                        # clients in target/clients/{java,typescript}
#   scripts/clients/generate-clients.sh http://127.0.0.1:8080  # and download through them
#     KEYCLOAK_URL (default http://127.0.0.1:8180) is where the token of commune.yenphuc comes from
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=7.25.0
OUT=target/clients
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

./mvnw -B -q dependency:get -Dartifact=org.openapitools:openapi-generator-cli:$VERSION > /dev/null
JAR=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)/org/openapitools/openapi-generator-cli/$VERSION/openapi-generator-cli-$VERSION.jar
rm -rf "$OUT" && mkdir -p "$OUT"
"$JAVA" scripts/contract/BundleContract.java openapi "$OUT/openapi.yaml"

"$JAVA" -jar "$JAR" generate -i "$OUT/openapi.yaml" -g java -o "$OUT/java" \
  --additional-properties=library=native,useSingleRequestParameter=true,openApiNullable=false,hideGenerationTimestamp=true \
  > "$OUT/java.log"
"$JAVA" -jar "$JAR" generate -i "$OUT/openapi.yaml" -g typescript-fetch -o "$OUT/typescript" \
  --additional-properties=useSingleRequestParameter=true,supportsES6=true > "$OUT/typescript.log"

awkward=$(ls "$OUT/java/src/main/java/org/openapitools/client/model" | grep -E 'Inner|^Model|[0-9]{3}Response' || true)
if [ -n "$awkward" ]; then
  echo "Generated names that a developer would have to live with:" >&2
  echo "$awkward" >&2
  exit 1
fi

./mvnw -B -q -f "$OUT/java/pom.xml" -Dmaven.javadoc.skip=true compile
echo "Java client: $(ls "$OUT/java/src/main/java/org/openapitools/client/model" | wc -l) models, compiled"
(cd "$OUT/typescript" && npx --yes -p typescript@5 tsc --noEmit --strict --target es2020 --module es2020 \
  --moduleResolution node --lib es2020,dom index.ts)
echo "TypeScript client: $(ls "$OUT/typescript/models" | wc -l) models, type-checked with --strict"

if [ $# -ge 1 ]; then
  BASE=$1
  TOKEN=$(curl -fsS -d grant_type=password -d client_id=cp-test -d username=commune.yenphuc -d password=demo-commune \
    "${KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/child-protection/protocol/openid-connect/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  ./mvnw -B -q -f "$OUT/java/pom.xml" dependency:build-classpath -Dmdep.outputFile=classpath.txt
  "$JAVA" -cp "$OUT/java/target/classes:$(cat "$OUT/java/classpath.txt")" scripts/clients/Downloads.java "$BASE" "$TOKEN"
  cp scripts/clients/downloads.ts "$OUT/typescript/"
  (cd "$OUT/typescript" && npx --yes -p typescript@5 tsc --strict --target es2020 --module commonjs \
    --moduleResolution node --lib es2020,dom --outDir dist downloads.ts && node dist/downloads.js "$BASE" "$TOKEN")
fi
