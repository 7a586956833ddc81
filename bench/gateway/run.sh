#!/usr/bin/env bash
# The gateway benchmark, one command (see bench/README.md): starts Kafka, Keycloak and the store (the
# local-stack launcher, --infra-only), registration-service, the gateway and nginx on ports of their own,
# gets a real Keycloak token, then measures with wrk, alternating in one run:
#   direct   client → registration-service
#   gateway  client → gateway → registration-service
#   nginx    client → nginx (plain reverse proxy, keep-alive upstream) → registration-service
# on GET /api/registrations/whoami (JWT checked, no database) and GET /api/registrations/participants/me
# (JWT checked, one database read). Writes the results table into bench/README.md.
#
# Needs the jars: ./mvnw -B -DskipTests package   (from a clean clone)
#
# Environment (all optional):
#   BENCH_PORT_OFFSET   added to every default port (default 30000: beside a developer's stack, CI's,
#                       and the e2e stacks at +20000/+13000/+9000/+6000/+3000)
#   BENCH_DURATION      seconds per measured cell (default 10)
#   BENCH_WARMUP        seconds of warm-up per path and endpoint, not counted (default 15)
#   BENCH_ROUNDS        rounds, each measuring every cell once (default 3)
#   BENCH_CONNECTIONS   wrk connections, space separated (default "8 32")
#   BENCH_SOAK          seconds of an extra keep-alive run through the gateway at the end (default 0)
#   BENCH_JFR           1: record a JFR profile of the gateway (.work/gateway.jfr)
#   BENCH_TARGETS       which paths to measure (default "direct gateway nginx"; add "gateway-b" for a
#                       second gateway started with BENCH_GATEWAY_B_OPTS, to compare a setting in one run)
#   BENCH_GATEWAY_B_OPTS extra JVM options of gateway-b (e.g. -Dmanagement.tracing.sampling.probability=0.0)
#   BENCH_GATEWAY_B_JAR another gateway jar for gateway-b (e.g. one built from main), to compare two builds in one run
#   BENCH_NO_README     1: do not touch bench/README.md (results stay in .work/)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK="$ROOT/bench/gateway/.work"
mkdir -p "$WORK"

OFFSET=${BENCH_PORT_OFFSET:-30000}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-15}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-8 32}
SOAK=${BENCH_SOAK:-0}
TARGETS=${BENCH_TARGETS:-direct gateway nginx}
GATEWAY_PORT=$((8080 + OFFSET))
REGISTRATION_PORT=$((8081 + OFFSET))
NGINX_PORT=$((8090 + OFFSET))
GATEWAY_B_PORT=$((8070 + OFFSET))
KEYCLOAK_PORT=$((8180 + OFFSET))
KAFKA_PORT=$((9092 + OFFSET))
MONGO_PORT=$((27017 + OFFSET))
# The Docker images' JVM flags (full JIT, G1, heap from memory): the local stack's flags (C1 only,
# 256 MB) are tuned for start-up, not for speed.
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# the realm names the Keycloak extension's validator: Keycloak refuses to start without its jar
for jar in local-stack/target/local-stack.jar registration-service/target/registration-service.jar gateway/target/gateway.jar \
    identity/keycloak-extension/target/sdn-keycloak-extension.jar; do
  [ -e "$jar" ] || { echo "bench/gateway: $jar is missing; run ./mvnw -B -DskipTests package first." >&2; exit 1; }
done
# run copies, so that a rebuild during the run cannot change a jar under a running JVM
mkdir -p "$WORK/jars"
cp registration-service/target/registration-service.jar gateway/target/gateway.jar "$WORK/jars/"
cp "${BENCH_GATEWAY_B_JAR:-gateway/target/gateway.jar}" "$WORK/jars/gateway-b.jar"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  log "installing wrk and nginx-light (Debian)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi

pids=()
cleanup() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in $GATEWAY_PORT $GATEWAY_B_PORT $REGISTRATION_PORT $NGINX_PORT $KEYCLOAK_PORT $KAFKA_PORT $MONGO_PORT; do
  port_free "$port" || { echo "bench/gateway: port $port is taken; set BENCH_PORT_OFFSET to another offset." >&2; exit 1; }
done

wait_for() { # name url seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS -o /dev/null --max-time 2 "$2" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "bench/gateway: $1 not ready after $3 s (logs in $WORK)" >&2; exit 1; }
    sleep 1
  done
  log "$1 ready"
}

log "starting Kafka, Keycloak and the store (local-stack --infra-only, port offset $OFFSET)"
java -jar local-stack/target/local-stack.jar --infra-only --port-offset="$OFFSET" --data-dir="$WORK/stack" \
  >"$WORK/local-stack.log" 2>&1 &
pids+=($!)
ISSUER="http://localhost:$KEYCLOAK_PORT/realms/sdn"
wait_for Keycloak "$ISSUER" 600
until (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$MONGO_PORT") 2>/dev/null; do sleep 1; done

log "starting registration-service on $REGISTRATION_PORT"
env SERVER_PORT=$REGISTRATION_PORT SERVER_ADDRESS=127.0.0.1 KEYCLOAK_ISSUER_URI="$ISSUER" \
  KEYCLOAK_JWK_SET_URI="$ISSUER/protocol/openid-connect/certs" \
  MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT/sdn_registration" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  java $JAVA_OPTS -jar "$WORK/jars/registration-service.jar" >"$WORK/registration-service.log" 2>&1 &
pids+=($!)
REGISTRATION_PID=$!

jfr=()
[ "${BENCH_JFR:-0}" = 1 ] && jfr=("-XX:FlightRecorderOptions=stackdepth=256" "-XX:StartFlightRecording=filename=$WORK/gateway.jfr,settings=profile,dumponexit=true")
# The rate limit stays on (every request is counted) but is set so high that one benchmark user never meets it.
start_gateway() { # name port management-port JVM options…
  local name=$1 port=$2 management=$3; shift 3
  log "starting $name on $port${*:+ with $*}"
  env SERVER_PORT=$port GATEWAY_MANAGEMENT_PORT=$management \
    KEYCLOAK_ISSUER_URI="$ISSUER" KEYCLOAK_JWK_SET_URI="$ISSUER/protocol/openid-connect/certs" \
    REGISTRATION_SERVICE_URI="http://127.0.0.1:$REGISTRATION_PORT" \
    COMPETITION_SERVICE_URI="http://127.0.0.1:$((8082 + OFFSET))" INCUBATION_SERVICE_URI="http://127.0.0.1:$((8083 + OFFSET))" \
    NOTIFICATION_SERVICE_URI="http://127.0.0.1:$((8084 + OFFSET))" PORTAL_URI="http://127.0.0.1:$((8085 + OFFSET))" \
    CORS_ALLOWED_ORIGINS="http://localhost:$port" GATEWAY_RATE_LIMIT_CAPACITY=1000000000 \
    MONGODB_URI="mongodb://127.0.0.1:$MONGO_PORT" \
    java $JAVA_OPTS "$@" -jar "$WORK/jars/$name.jar" >"$WORK/$name.log" 2>&1 &
  pids+=($!)
}
start_gateway gateway "$GATEWAY_PORT" $((9080 + OFFSET)) "${jfr[@]}"
GATEWAY_PID=$!
GATEWAY_B_PID=""
if [[ " $TARGETS " == *" gateway-b "* ]]; then
  # the same jar and environment, other options: the two gateways share the machine, the service and the run
  # shellcheck disable=SC2086
  start_gateway gateway-b "$GATEWAY_B_PORT" $((9070 + OFFSET)) ${BENCH_GATEWAY_B_OPTS:-}
  GATEWAY_B_PID=$!
fi

cat >"$WORK/nginx.conf" <<EOF
# A plain reverse proxy with a keep-alive pool to the service: what the gateway is compared with.
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  upstream registration { server 127.0.0.1:$REGISTRATION_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://registration;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon off;' &
pids+=($!)
NGINX_PID=$!

wait_for registration-service "http://127.0.0.1:$REGISTRATION_PORT/actuator/health/readiness" 300
wait_for gateway "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" 300
[ -z "$GATEWAY_B_PID" ] || wait_for gateway-b "http://127.0.0.1:$GATEWAY_B_PORT/actuator/health/readiness" 300

token() {
  curl -fsS -d grant_type=password -d client_id=sdn-cli -d username=participant-ne -d password=demo \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/sdn/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
TOKEN=$(token)
# the database endpoint reads this participant's profile
curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"preferredLanguage":"fr","consent":{"accepted":true,"version":"2026-01"}}' \
  "http://127.0.0.1:$REGISTRATION_PORT/api/registrations/participants/me"

url_of() { # target path
  case $1 in
    direct) echo "http://127.0.0.1:$REGISTRATION_PORT$2" ;;
    gateway) echo "http://127.0.0.1:$GATEWAY_PORT$2" ;;
    gateway-b) echo "http://127.0.0.1:$GATEWAY_B_PORT$2" ;;
    nginx) echo "http://127.0.0.1:$NGINX_PORT$2" ;;
  esac
}
declare -A PATHS=([whoami]=/api/registrations/whoami [db]=/api/registrations/participants/me)
ENDPOINTS="whoami db"
RESULTS="$WORK/results.tsv"
printf 'phase\tround\tendpoint\tconnections\ttarget\trequests\trps\tp50_ms\tp99_ms\tnon2xx\tstatuses\tsocket_errors\tload1\tproxy_cpu_us\tservice_cpu_us\n' >"$RESULTS"

# CPU time (user + system) a process and its children threads used so far, in µs: per request it is what a
# path costs, much less sensitive than req/s to what else runs on the machine
cpu_us() { # pid...
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000000 / hz}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
proxy_pids() { # target
  case $1 in
    gateway) echo "$GATEWAY_PID" ;;
    gateway-b) echo "$GATEWAY_B_PID" ;;
    nginx) echo "$NGINX_PID $(pgrep -P "$NGINX_PID" | tr '\n' ' ')" ;;
  esac
}

cell() { # phase round endpoint connections target seconds
  local phase=$1 round=$2 endpoint=$3 c=$4 target=$5 seconds=$6 out
  TOKEN=$(token) # Keycloak's access tokens live 5 minutes
  local proxy_before service_before
  proxy_before=$(cpu_us $(proxy_pids "$target"))
  service_before=$(cpu_us "$REGISTRATION_PID")
  if ! out=$(wrk -t2 -c"$c" -d"${seconds}s" --timeout 10s -s bench/gateway/status.lua \
    -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json' "$(url_of "$target" "${PATHS[$endpoint]}")" 2>&1) \
    || ! grep -q '^RESULT' <<<"$out"; then
    echo "bench/gateway: wrk failed on $target $endpoint: $out" >&2
    exit 1
  fi
  local result statuses non2xx errors load
  result=$(grep '^RESULT' <<<"$out")
  statuses=$(awk '/^STATUS/ {print $2, $3}' <<<"$out" | sort -n | awk '{printf "%s%s:%s", sep, $1, $2; sep=" "}')
  non2xx=$(awk '/^STATUS/ && ($2 < 200 || $2 > 299) {n += $3} END {print n + 0}' <<<"$out")
  errors=$(sed -E 's/.*connect=([0-9]+) read=([0-9]+) write=([0-9]+) timeout=([0-9]+).*/connect \1, read \2, write \3, timeout \4/' <<<"$result")
  load=$(cut -d' ' -f1 /proc/loadavg)
  local proxy_cpu service_cpu requests
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$result")
  proxy_cpu=$(( ($(cpu_us $(proxy_pids "$target")) - proxy_before) / (requests > 0 ? requests : 1) ))
  service_cpu=$(( ($(cpu_us "$REGISTRATION_PID") - service_before) / (requests > 0 ? requests : 1) ))
  field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$result"; }
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$round" "$endpoint" "$c" "$target" \
    "$(field requests)" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$non2xx" "$statuses" "$errors" "$load" \
    "$([ "$target" = direct ] && echo "" || echo "$proxy_cpu")" "$service_cpu" >>"$RESULTS"
  log "$phase r$round $endpoint c=$c $target: $(field rps) req/s, p50 $(field p50_ms) ms, p99 $(field p99_ms) ms, statuses $statuses, CPU/request: proxy ${proxy_cpu} µs, service ${service_cpu} µs"
}

log "warm-up (JIT): $WARMUP s per target and endpoint"
for target in $TARGETS; do
  for endpoint in $ENDPOINTS; do cell warmup 0 "$endpoint" 32 "$target" "$WARMUP"; done
done
start_load=$(cut -d' ' -f1-3 /proc/loadavg)
read -ra targets <<<"$TARGETS"
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONNECTIONS; do
    for endpoint in $ENDPOINTS; do
      # alternating: each round starts with another target, so no path always runs first or last
      for i in "${!targets[@]}"; do
        cell measure "$round" "$endpoint" "$c" "${targets[$(((i + round - 1) % ${#targets[@]}))]}" "$DURATION"
      done
    done
  done
done
# in cells of at most 2 minutes, each with a fresh token: one token outlives neither Keycloak's 5 minutes
# nor, once expired, the gateway's failed-token limit (its 401s would turn into 429s for the address)
for ((done_s = 0, part = 1; done_s < SOAK; done_s += 120, part++)); do
  cell soak "$part" whoami 32 gateway $((SOAK - done_s < 120 ? SOAK - done_s : 120))
done
end_load=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the table ----
TABLE="$WORK/table.md"
GATEWAY_B_WHAT="the same gateway"
[ -z "${BENCH_GATEWAY_B_JAR:-}" ] || GATEWAY_B_WHAT="the gateway jar \`$BENCH_GATEWAY_B_JAR\`"
{
  echo "Run on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- gateway || echo ' + uncommitted gateway changes'):"
  echo "\`nproc\` = $(nproc), $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | sed -n 2p)."
  echo "Load average (1, 5, 15 min) at the start of the measured rounds: $start_load; at the end: $end_load;"
  echo "1-min load average per measured cell: $(awk -F'\t' 'NR > 1 && $1 == "measure" {print $13}' "$RESULTS" | sort -n | sed -n '1p;$p' | paste -sd' ' | sed 's/ / to /')."
  echo "$ROUNDS rounds × ${DURATION} s per cell, \`wrk -t2\`, targets alternating; median of the rounds.$([ -z "$GATEWAY_B_PID" ] || echo " gateway-b: $GATEWAY_B_WHAT${BENCH_GATEWAY_B_OPTS:+ with \`$BENCH_GATEWAY_B_OPTS\`}.")"
  echo
  echo "| endpoint | conn. | path | req/s | p50 ms | p99 ms | non-2xx / requests | vs direct | vs nginx | p50 added | proxy CPU µs/req | service CPU µs/req |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' -v targets="$TARGETS" -v conns="$CONNECTIONS" '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    NR > 1 && $1 == "measure" {
      k = $3 SUBSEP $4 SUBSEP $5
      rps[k] = rps[k] " " $7; p50[k] = p50[k] " " $8; p99[k] = p99[k] " " $9; pcpu[k] = pcpu[k] " " $14; scpu[k] = scpu[k] " " $15
      req[k] += $6; bad[k] += $10
    }
    END {
      split("whoami db", endpoints, " "); split(conns, cs, " "); nt = split(targets, ts, " ")
      name["whoami"] = "`whoami` (JWT)"; name["db"] = "`participants/me` (JWT + DB)"
      for (e = 1; e <= 2; e++) for (c = 1; c in cs; c++) {
        d = endpoints[e] SUBSEP cs[c] SUBSEP "direct"; n = endpoints[e] SUBSEP cs[c] SUBSEP "nginx"
        for (t = 1; t <= nt; t++) {
          k = endpoints[e] SUBSEP cs[c] SUBSEP ts[t]
          if (!(k in rps)) continue
          r = median(rps[k]); m = median(p50[k])
          vd = (d in rps && ts[t] != "direct") ? sprintf("%d %%", 100 * r / median(rps[d])) : ""
          vn = (n in rps && ts[t] ~ /^gateway/) ? sprintf("%d %%", 100 * r / median(rps[n])) : ""
          add = (d in rps && ts[t] != "direct") ? sprintf("%+.2f ms", m - median(p50[d])) : ""
          pc = ts[t] == "direct" ? "" : sprintf("%d", median(pcpu[k]))
          printf "| %s | %s | %s | %d | %.2f | %.2f | %d / %d | %s | %s | %s | %s | %d |\n", name[endpoints[e]], cs[c], ts[t], r, m,
            median(p99[k]), bad[k], req[k], vd, vn, add, pc, median(scpu[k])
        }
      }
    }' "$RESULTS"
  echo
  awk -F'\t' 'NR > 1 && $5 ~ /^gateway/ {req += $6; bad += $10} NR > 1 && $5 ~ /^gateway/ && $10 > 0 {s = s " " $11}
    END {printf "Through the gateway in this run (warm-up, rounds%s): **%d non-2xx of %d keep-alive requests**%s.\n",
      (soak ? ", soak" : ""), bad, req, (bad ? " (statuses of the cells with failures:" s ")" : "")}' soak="$SOAK" "$RESULTS"
  awk -F'\t' 'NR > 1 && $12 !~ /connect 0, read 0, write 0, timeout 0/ {printf "Socket errors in %s r%s %s c=%s %s: %s.\n", $1, $2, $3, $4, $5, $12}' "$RESULTS"
} >"$TABLE"
cat "$TABLE"

if [ "${BENCH_NO_README:-0}" != 1 ]; then
  # between the markers of bench/README.md; everything else in it stays as written
  awk -v table="$TABLE" '
    /<!-- gateway-results:start -->/ {print; while ((getline line < table) > 0) print line; skip = 1; next}
    /<!-- gateway-results:end -->/ {skip = 0}
    !skip {print}' bench/README.md >"$WORK/README.md" && cp "$WORK/README.md" bench/README.md
  log "results written into bench/README.md (raw: $RESULTS)"
fi
