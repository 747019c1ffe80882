#!/usr/bin/env bash
# Defines camrin_import FILE [--period YYYY-MM] [--partial]: uploads a DM01 file to the data
# service through the gateway, with a progress bar and the import report.
# Environment: CAMRIN_USER, CAMRIN_PASSWORD, KEYCLOAK_URL, CAMRIN_GATEWAY_URL (see DataCli).

camrin_import() {
  local root jar
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  jar="$(ls "$root"/data-service/target/data-service-*-exec.jar 2>/dev/null | head -n 1)"
  if [[ -z "$jar" ]]; then
    echo "camrin import: data-service/target/data-service-*-exec.jar not found; build it with" \
         "./mvnw -B -pl data-service -am package -DskipTests" >&2
    return 2
  fi
  if [[ $# -lt 1 ]]; then
    echo "Usage: camrin import FILE [--period YYYY-MM] [--partial]" >&2
    return 2
  fi
  java -cp "$jar" -Dloader.main=org.camrin.data.cli.DataCli \
    org.springframework.boot.loader.launch.PropertiesLauncher import "$@"
}
