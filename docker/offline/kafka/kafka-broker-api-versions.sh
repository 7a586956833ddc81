#!/bin/bash
# The official image's script of the same name, which docker-compose.yml's health check runs as
# `kafka-broker-api-versions.sh --bootstrap-server localhost:9092`. For exactly that call it sends one
# Kafka ApiVersions request (v0) from bash and succeeds when the broker answers it without error:
# starting a second JVM with the whole Kafka classpath every 10 s does not finish within compose's
# 20 s timeout on a loaded 2-core machine, and the timed-out ones pile up. Any other call runs the real
# tool (org.apache.kafka.tools.BrokerApiVersionsCommand).
set -uo pipefail
if [[ $# == 2 && $1 == --bootstrap-server && $2 =~ ^([^:]+):([0-9]+)$ ]]; then
  host=${BASH_REMATCH[1]}; port=${BASH_REMATCH[2]}
  [[ $host == localhost ]] && host=127.0.0.1
  exec 3<>"/dev/tcp/$host/$port" || exit 1
  # size 12 | api_key 18 (ApiVersions) | api_version 0 | correlation_id 1 | client_id "hc"
  printf '\x00\x00\x00\x0c\x00\x12\x00\x00\x00\x00\x00\x01\x00\x02hc' >&3
  # size (4 bytes) | correlation_id 1 | error_code 0
  answer=$(timeout 10 head -c 10 <&3 | od -An -tx1 | tr -d ' \n')
  [[ ${answer:8:12} == 000000010000 ]] && { echo "$host:$port -> ApiVersions answered (error_code 0)"; exit 0; }
  echo "$host:$port -> no valid ApiVersions answer: '$answer'" >&2
  exit 1
fi
exec java -Xmx128m -Dlog4j2.configurationFile=/opt/kafka/config/log4j2.properties -cp '/opt/kafka/libs/*' \
  org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
