#!/bin/bash
# KAFKA_* variables → server.properties (the apache/kafka image's convention), format the log
# directory once, then exec the broker (PID 1, gets SIGTERM).
set -euo pipefail
conf=/opt/kafka/config/server.properties
: > "$conf"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_LOG4J_OPTS) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  key=${name#KAFKA_}; key=${key,,}
  key=${key//___/-}; key=${key//__/$'\x01'}; key=${key//_/.}; key=${key//$'\x01'/_}
  printf '%s=%s\n' "$key" "$value" >> "$conf"
done < <(env)

log_dirs=$(sed -n 's/^log\.dirs=//p' "$conf")
log_dirs=${log_dirs:-/var/lib/kafka/data}
grep -q '^log\.dirs=' "$conf" || echo "log.dirs=$log_dirs" >> "$conf"
classpath='/opt/kafka/libs/*'
log4j="-Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties"

if [[ ! -f "${log_dirs%%,*}/meta.properties" ]]; then
  cluster_id=${CLUSTER_ID:-$(java -cp "$classpath" "$log4j" kafka.tools.StorageTool random-uuid)}
  standalone=()
  if ! grep -q '^controller\.quorum\.voters=' "$conf"; then
    standalone=(--standalone)   # dynamic quorum (controller.quorum.bootstrap.servers)
  fi
  java -cp "$classpath" "$log4j" kafka.tools.StorageTool format -t "$cluster_id" -c "$conf" "${standalone[@]}"
fi
# shellcheck disable=SC2086  # the *_OPTS variables hold several options
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_JVM_PERFORMANCE_OPTS:-} ${KAFKA_OPTS:-} "$log4j" -cp "$classpath" kafka.Kafka "$conf"
