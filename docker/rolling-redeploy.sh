#!/usr/bin/env bash
# Redeploys services of docker-compose.yml without a failed request: the two replicas of each service are replaced one
# at a time (a new container, the old one stopped gracefully: readiness down, requests in flight finished, Kafka
# offsets committed, the outbox lock freed), and the next waits until the new one is healthy (its readiness probe);
# the gateways come last. Meanwhile the gateway sends each request to the replica still up, and nginx to the gateway
# still up. README, "Replicas in compose"; docs/decisions/0018.
#
#   docker/rolling-redeploy.sh [--build] [service…]
#
#   service    registration-service, competition-service, incubation-service, notification-service, portal, gateway
#              (each stands for its two replicas, <service> and <service>-2); none: all of them, in that order
#   --build    build the services' images first (after ./mvnw -B package -DskipTests): an upgrade. Without it the
#              containers are recreated from the images there are (a restart onto a new configuration or image tag).
#
# SDN_COMPOSE: the compose command, "docker compose" by default (docker/offline/containers.sh passes its own: the
# offline env file and override). SDN_REDEPLOY_TIMEOUT: seconds a replica may take to become healthy (600);
# SDN_REDEPLOY_SETTLE: seconds between a replica healthy and its twin's stop, for the gateways' checks to see it (3).
# Stops at the first replica that does not become healthy, leaving the other replicas as they are (the old ones still
# serve); its exit status is then non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a COMPOSE <<< "${SDN_COMPOSE:-docker compose}"
TIMEOUT=${SDN_REDEPLOY_TIMEOUT:-600}
SETTLE=${SDN_REDEPLOY_SETTLE:-3}
ALL=(registration-service competition-service incubation-service notification-service portal gateway)

log() { echo "== rolling-redeploy [$(date -u +%H:%M:%S)] $*"; }
die() { echo "== rolling-redeploy: FAILED: $*" >&2; exit 1; }

build=false
services=()
for arg in "$@"; do
  case $arg in
    --build) build=true ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) [[ " ${ALL[*]} " == *" $arg "* ]] || die "unknown service '$arg' (one of: ${ALL[*]})"; services+=("$arg") ;;
  esac
done
(( ${#services[@]} )) || services=("${ALL[@]}")
# the gateways last, whatever the order given: the services behind them are balanced by both
ordered=()
for service in "${services[@]}"; do [[ $service == gateway ]] || ordered+=("$service"); done
[[ " ${services[*]} " == *" gateway "* ]] && ordered+=(gateway)

container_of() { "${COMPOSE[@]}" ps -q "$1" | tail -1; }

await_healthy() { # replica container-id
  local replica=$1 id=$2 deadline=$((SECONDS + TIMEOUT)) state
  while :; do
    state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}no-check{{end}}' "$id")
    case $state in
      "running healthy") return 0 ;;
      # unhealthy too: on a loaded machine a JVM can outlast the check's start period; one success makes it healthy
      "running starting"|"running unhealthy"|restarting*) ;;
      *) "${COMPOSE[@]}" logs --tail=40 "$replica" >&2 || true; die "$replica is $state" ;;
    esac
    (( SECONDS < deadline )) || { "${COMPOSE[@]}" logs --tail=40 "$replica" >&2 || true; die "$replica not healthy within ${TIMEOUT}s"; }
    sleep 2
  done
}

start=$SECONDS
for service in "${ordered[@]}"; do
  if $build; then
    log "$service: building its image (both replicas run it)"
    "${COMPOSE[@]}" build "$service"
  fi
  for replica in "$service" "$service-2"; do
    before=$(container_of "$replica")
    [[ -n $before ]] || die "$replica is not running: bring the platform up first (docker compose up -d)"
    t0=$SECONDS
    log "$replica: replacing ${before:0:12} (the other replica serves meanwhile)"
    "${COMPOSE[@]}" up -d --no-deps --no-build --force-recreate "$replica"
    after=$(container_of "$replica")
    [[ -n $after && $after != "$before" ]] || die "$replica: no new container"
    await_healthy "$replica" "$after"
    log "$replica: ${after:0:12} healthy after $((SECONDS - t0))s"
    # the gateways check each replica's readiness every second (GATEWAY_INSTANCE_CHECK_INTERVAL): a few of those
    # checks pass before the twin stops, so the new replica takes requests again first
    sleep "$SETTLE"
  done
done
log "done: ${ordered[*]} in $((SECONDS - start))s"
