#!/usr/bin/env bash
# The event latency benchmark, one command (see bench/README.md): starts the whole local stack on the
# default ports + BENCH_OFFSET (Kafka, Keycloak, the store, the SMTP sink, the services, the gateway),
# creates BENCH_RATE × BENCH_SECONDS people in Keycloak, then has them create their profile through
# the gateway at BENCH_RATE per second, and measures, per person, from the write's acknowledgement to
# the "profile created" notice in their inbox and to its e-mail in the SMTP sink
# (bench/events/EventLatency.java). Writes the results into bench/README.md.
#
#   BENCH_RATE        writes per second (50)
#   BENCH_SECONDS     length of the measured phase (60)
#   BENCH_OFFSET      port offset of the stack (35000)
#   BENCH_NO_README   1: do not touch bench/README.md
set -euo pipefail
cd "$(dirname "$0")/../.."

RATE=${BENCH_RATE:-50}
DURATION=${BENCH_SECONDS:-60}
OFFSET=${BENCH_OFFSET:-35000}
WORK=bench/events/target
mkdir -p "$WORK"
log() { echo "== bench/events [$(date -u +%H:%M:%S)] $*"; }

for jar in local-stack/target/local-stack.jar registration-service/target/registration-service.jar \
    competition-service/target/competition-service.jar incubation-service/target/incubation-service.jar \
    notification-service/target/notification-service.jar portal/target/portal.jar gateway/target/gateway.jar \
    identity/keycloak-extension/target/sdn-keycloak-extension.jar; do
  if [ ! -f "$jar" ]; then
    log "$jar missing: packaging (./mvnw -B -ntp package -DskipTests)"
    ./mvnw -B -q -ntp package -DskipTests
    break
  fi
done

start_load=$(cut -d' ' -f1-3 /proc/loadavg)
log "rate $RATE/s for $DURATION s, stack on ports + $OFFSET; load average $start_load"
java -cp local-stack/target/local-stack.jar bench/events/EventLatency.java . "$OFFSET" "$RATE" "$DURATION" "$PWD/$WORK/stack" \
  | tee "$WORK/run.log"
end_load=$(cut -d' ' -f1-3 /proc/loadavg)

field() { grep "^RESULT|$1|" "$WORK/run.log" | cut -d'|' -f"$2"; }
TABLE="$WORK/table.md"
{
  echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD):"
  echo "\`nproc\` = $(nproc), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | sed -n 2p)."
  echo "Load average (1, 5, 15 min) before the stack started: $start_load; at the end: $end_load."
  echo "Offered $RATE profile creations per second for $DURATION s through the gateway; achieved $(field writes 9)/s;"
  echo "statuses $(field writes 7)."
  echo
  echo "| from the write's acknowledgement to | arrived | p50 ms | p99 ms | max ms | target p99 |"
  echo "|---|---|---|---|---|---|"
  echo "| the notice in the person's inbox | $(field inbox 3) | $(field inbox 5) | $(field inbox 7) | $(field inbox 9) | ≤ 1,000 ms |"
  echo "| the e-mail in the SMTP sink | $(field email 3) | $(field email 5) | $(field email 7) | $(field email 9) | ≤ 3,000 ms |"
} >"$TABLE"
cat "$TABLE"

if [ "${BENCH_NO_README:-0}" != 1 ]; then
  awk -v table="$TABLE" '
    /<!-- events-results:start -->/ {print; while ((getline line < table) > 0) print line; skip = 1; next}
    /<!-- events-results:end -->/ {skip = 0}
    !skip {print}' bench/README.md >"$WORK/README.md" && cp "$WORK/README.md" bench/README.md
  log "results written into bench/README.md (raw: $WORK/run.log)"
fi
