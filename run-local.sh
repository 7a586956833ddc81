#!/usr/bin/env bash
# The README's run command: builds what is missing, then starts the whole platform on 127.0.0.1
# (Kafka, Keycloak, the MongoDB-protocol store, an SMTP sink, the four services, the portal and the gateway),
# waits until it is healthy and prints the URLs and demo accounts. Ctrl-C stops everything.
#
#   ./run-local.sh                 build if needed, start everything
#   ./run-local.sh --build         rebuild first (after changing the code)
#   ./run-local.sh --infra-only    only Kafka, Keycloak, the store and the SMTP sink
#   ./run-local.sh --reset         wipe the data in .local-stack/ first
#   ./run-local.sh --help          every option
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run-local.sh: java not found; install a Java 17 (or newer) JDK first." >&2
  exit 1
fi

build=false
infra_only=false
args=()
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --infra-only|-h|--help) infra_only=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

# What the launcher needs: its own jar with its libraries, the Keycloak zip and the realm's Keycloak providers, and the Boot jars.
needed=(local-stack/target/local-stack.jar local-stack/target/lib local-stack/target/keycloak
  identity/keycloak-extension/target/sdn-keycloak-extension.jar)
if [ "$infra_only" = false ]; then
  for module in gateway registration-service competition-service incubation-service notification-service portal; do
    needed+=("$module/target/$module.jar")
  done
fi
for path in "${needed[@]}"; do
  if [ ! -e "$path" ]; then
    echo "run-local.sh: $path is missing, building first."
    build=true
    break
  fi
done

if [ "$build" = true ]; then
  if [ "$infra_only" = true ] && [ ! -e gateway/target/gateway.jar ]; then
    ./mvnw -B -DskipTests install -pl local-stack,identity/keycloak-extension -am
  else
    ./mvnw -B -DskipTests install
  fi
fi

exec java -jar local-stack/target/local-stack.jar ${args[@]+"${args[@]}"}
