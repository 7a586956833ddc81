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
#   ./run-local.sh --restart registration-service-2
#                                  restart one instance of the running stack (graceful stop, start, readiness)
set -euo pipefail
cd "$(dirname "$0")"

# --restart NAME [--data-dir=PATH]: ask the running launcher (it watches <data-dir>/restart/) and wait for its answer.
if [ "${1:-}" = "--restart" ]; then
  name="${2:?--restart needs an instance name, e.g. registration-service-2 or gateway}"
  data_dir=.local-stack
  for arg in "${@:3}"; do
    case "$arg" in
      --data-dir=*) data_dir="${arg#--data-dir=}" ;;
      *) echo "run-local.sh --restart: unknown option $arg" >&2; exit 2 ;;
    esac
  done
  mkdir -p "$data_dir/restart"
  rm -f "$data_dir/restart/$name.result"
  touch "$data_dir/restart/$name"
  for _ in $(seq 1 330); do
    if [ -e "$data_dir/restart/$name.result" ] && [ ! -e "$data_dir/restart/$name" ]; then
      cat "$data_dir/restart/$name.result"
      grep -q "ready again" "$data_dir/restart/$name.result"
      exit $?
    fi
    sleep 1
  done
  rm -f "$data_dir/restart/$name"
  echo "run-local.sh --restart: no answer from a running launcher in 330 s (is the stack running with --data-dir=$data_dir?)" >&2
  exit 1
fi

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
