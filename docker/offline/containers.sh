#!/usr/bin/env bash
# The containers, proven on a machine without an image registry (called by .ci/run; usable by hand, as root):
#   engine    install docker.io / docker-compose / debootstrap when missing, start dockerd if none answers
#   images    base images from a Debian root file system (debootstrap), Kafka / Keycloak / stand-ins offline
#             (PostgreSQL for Keycloak from Debian's postgresql-15 package, Prometheus from Debian's prometheus package,
#             nginx from Debian's nginx-light package),
#             and the platform's modules (docker/boot-service.Dockerfile, local-smsc/Dockerfile), from the jars ./mvnw package left
#   test      the Testcontainers suite (e2e-tests, ml.sdn.e2e.containers.*IT) through the gateway container
#   compose   docker-compose.yml + the offline override: up (two replicas of each part, nginx in front of the gateways),
#             health, smoke, Keycloak restarted (production mode, PostgreSQL, a user's change kept), every service and then
#             the gateways redeployed replica by replica under load (docker/rolling-redeploy.sh), Prometheus scraping every part
#             and its PartDown alert firing while a service is stopped, down
#   all       engine, images, test, compose (the default); the engine this script started is always stopped
#             at the end, and what it left (containers, networks, nft tables, docker0) removed
#   clean     only the cleanup (stops an engine a run with SDN_KEEP_ENGINE=true left running) (also: --purge removes the images, /var/lib/docker and the base image cache)
#
# STAND-INS, THIS MACHINE ONLY: no MongoDB image can be built here (no MongoDB binary to be had), so
# sdn-local/mongo-standin (mongo-java-server, the MongoDB-protocol store) stands in for mongo, and
# sdn-local/mail-standin (a GreenMail SMTP sink) for mailpit; no postgres image can be pulled, so
# sdn-local/postgres (Debian's PostgreSQL 15 package) stands in for postgres:17 as Keycloak's database,
# and no prom/prometheus image either, so sdn-local/prometheus (Debian's prometheus 2.42 package) stands in for it,
# nor an nginx image, so sdn-local/nginx (Debian's nginx-light 1.22 package) stands in for it.
# docker-compose.yml keeps the official images; docker/offline/offline.env and docker-compose.offline.yml only swap names and what differs.
#
# Kept between runs (re-running reuses them): /var/cache/sdn-offline (root file systems) and the images
# in /var/lib/docker. Only loopback is published; containers talk inside networks this script creates.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)

STEP=${1:-all}
PURGE=false
for arg in "$@"; do [[ $arg == --purge ]] && PURGE=true; done

CACHE=${SDN_OFFLINE_CACHE:-/var/cache/sdn-offline}
RUN_DIR=/run/sdn-containers
DOCKER=/usr/bin/docker               # the 20.10 client that matches the Debian daemon (not /usr/local/bin's)
export DOCKER_API_VERSION=1.41
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:$PATH
DEBIAN_RELEASE=bookworm
BASE_IMAGE=sdn-local/debian:$DEBIAN_RELEASE
JAVA_IMAGE=sdn-local/java17:$DEBIAN_RELEASE
POSTGRES_BASE_IMAGE=sdn-local/postgresql-base:$DEBIAN_RELEASE
PROMETHEUS_BASE_IMAGE=sdn-local/prometheus-base:$DEBIAN_RELEASE
NGINX_BASE_IMAGE=sdn-local/nginx-base:$DEBIAN_RELEASE
PROJECT=sdnci
COMPOSE=(docker-compose -p "$PROJECT" --env-file docker/offline/offline.env
         -f docker-compose.yml -f docker/offline/docker-compose.offline.yml)
MVN=(./mvnw -B -ntp)

T0=$SECONDS
PHASE_START=$SECONDS
PHASE=""
TIMINGS=()
log() { echo "== containers [$(date -u +%H:%M:%S) +$((SECONDS - T0))s] $*"; }
phase() {
  [[ -n $PHASE ]] && TIMINGS+=("$PHASE $((SECONDS - PHASE_START))s")
  PHASE=$1; PHASE_START=$SECONDS
  log "---- $1"
}
# By hand, a machine that cannot run this is told why and the script succeeds; under CI (CI=true) the
# containers are part of what is proven, so not being able to run them fails the run.
skip() {
  [[ ${CI:-} == true ]] && { echo "== containers: FAILED: cannot run under CI: $*" >&2; exit 1; }
  echo "== containers: skipped: $*"; exit 0
}
die() { echo "== containers: FAILED: $*" >&2; exit 1; }
docker() { "$DOCKER" "$@"; }

# ---------------------------------------------------------------- can this machine run it at all?
preflight() {
  [[ $(id -u) == 0 ]] || skip "not root (starting a Docker engine and debootstrap need root)"
  if [[ ! -x /usr/sbin/dockerd || ! -x /usr/bin/docker || ! -x /usr/bin/docker-compose || ! -x /usr/sbin/debootstrap ]]; then
    command -v apt-get >/dev/null || skip "docker.io / docker-compose / debootstrap missing and no apt-get"
  fi
  local free_gb
  free_gb=$(df -Pk /var/lib | awk 'NR==2 {print int($4 / 1024 / 1024)}')
  (( free_gb >= 8 )) || die "only ${free_gb} GB free under /var/lib; the images need ~4 GB (8 GB asked for)"
  log "root, ${free_gb} GB free under /var/lib"
}

# ---------------------------------------------------------------- engine
engine_up() {
  phase engine
  local missing=()
  [[ -x /usr/sbin/dockerd && -x /usr/bin/docker ]] || missing+=(docker.io)
  [[ -x /usr/bin/docker-compose ]] || missing+=(docker-compose)
  [[ -x /usr/sbin/debootstrap ]] || missing+=(debootstrap)
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]} (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
      || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
  fi
  log "$(/usr/bin/docker --version), $(docker-compose version --short 2>/dev/null | sed 's/^/docker-compose /')"
  if docker info >/dev/null 2>&1; then
    if [[ -f $RUN_DIR/engine.pid ]] && kill -0 "$(cat "$RUN_DIR/engine.pid")" 2>/dev/null; then
      log "reusing the dockerd an earlier run of this script started and kept (PID $(cat "$RUN_DIR/engine.pid"))"
    else
      log "a Docker engine already answers (not started by this script): using it, and leaving it running"
    fi
    return
  fi
  mkdir -p "$RUN_DIR"
  # What exists before, so that cleanup removes only what our engine made.
  nft list tables 2>/dev/null | awk '{print $2" "$3}' > "$RUN_DIR/nft-before" || true
  ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 > "$RUN_DIR/links-before"
  log "starting dockerd (overlay2, default bridge, published ports on 127.0.0.1); log in /var/log/sdn-dockerd.log"
  setsid /usr/sbin/dockerd --storage-driver=overlay2 --ip=127.0.0.1 --pidfile=/run/sdn-dockerd.pid \
    >/var/log/sdn-dockerd.log 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/engine.pid"
  for _ in $(seq 60); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$(cat "$RUN_DIR/engine.pid")" 2>/dev/null || { tail -20 /var/log/sdn-dockerd.log; die "dockerd exited"; }
    sleep 1
  done
  docker info >/dev/null 2>&1 || { tail -20 /var/log/sdn-dockerd.log; die "dockerd did not answer within 60 s"; }
  log "dockerd $(docker version -f '{{.Server.Version}}') up, PID $(cat "$RUN_DIR/engine.pid") (API $DOCKER_API_VERSION)"
}

# ---------------------------------------------------------------- base images (Debian root file system + Java 17)
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $uri ]] || uri=$(awk '/^deb / && $2 ~ /^http/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

CHROOT_MOUNTED=""
unmount_chroot() {
  if [[ -n $CHROOT_MOUNTED ]]; then
    umount "$CHROOT_MOUNTED/proc" 2>/dev/null || umount -l "$CHROOT_MOUNTED/proc" 2>/dev/null || true
    CHROOT_MOUNTED=""
  fi
}

# Debian packages installed with apt-get in a chroot, into a copy of the minbase root file system, saved as
# a tar (once; cached in $CACHE). Services are not started in the chroot (policy-rc.d), and the database
# cluster the postgresql package creates is dropped: the image's entrypoint makes its own.
packages_into_copy() { # tar, what (for the log), packages…
  local tar=$1 what=$2; shift 2
  [[ -s $tar ]] && return
  local rootfs=${tar%.tar}.rootfs name
  name=$(basename "${tar%.tar}")
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  tar -C "$rootfs" -xf "$CACHE/debian-$DEBIAN_RELEASE-minbase.tar"
  log "$what into a copy of it (chroot apt-get; once; cached in $CACHE)"
  cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' > "$rootfs/usr/sbin/policy-rc.d" && chmod 0755 "$rootfs/usr/sbin/policy-rc.d"
  mount -t proc proc "$rootfs/proc" && CHROOT_MOUNTED=$rootfs
  chroot "$rootfs" /bin/bash -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends $* && apt-get clean && rm -rf /var/lib/apt/lists/*" \
    > "$CACHE/$name.log" 2>&1 || { unmount_chroot; tail -20 "$CACHE/$name.log"; die "$what: install in the chroot failed"; }
  unmount_chroot
  rm -rf "$rootfs/etc/postgresql/"* "$rootfs/var/lib/postgresql/"*
  rm -f "$rootfs/usr/sbin/policy-rc.d"
  : > "$rootfs/etc/resolv.conf"
  tar -C "$rootfs" -cf "$tar.part" . && mv "$tar.part" "$tar"
  rm -rf "$rootfs"
}

base_images() {
  phase base-images
  mkdir -p "$CACHE"
  local debian_tar=$CACHE/debian-$DEBIAN_RELEASE-minbase.tar java_tar=$CACHE/java17-$DEBIAN_RELEASE.tar
  local postgres_tar=$CACHE/postgresql-$DEBIAN_RELEASE.tar prometheus_tar=$CACHE/prometheus-$DEBIAN_RELEASE.tar
  local nginx_tar=$CACHE/nginx-$DEBIAN_RELEASE.tar
  if [[ ! -s $debian_tar ]]; then
    local rootfs=$CACHE/rootfs-debian
    rm -rf "$rootfs"
    log "debootstrap --variant=minbase $DEBIAN_RELEASE from $(mirror) (once; cached in $CACHE)"
    debootstrap --variant=minbase "$DEBIAN_RELEASE" "$rootfs" "$(mirror)" > "$CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$CACHE/debootstrap.log"; die "debootstrap failed"; }
    tar -C "$rootfs" -cf "$debian_tar.part" . && mv "$debian_tar.part" "$debian_tar"
    rm -rf "$rootfs"
  fi
  packages_into_copy "$java_tar" "openjdk-17-jre-headless" openjdk-17-jre-headless
  # STAND-IN for the postgres image: Debian's PostgreSQL, for Keycloak's database (docker/offline/postgres)
  packages_into_copy "$postgres_tar" "postgresql-15 (Keycloak's database, stand-in for the postgres image)" postgresql-15
  # STAND-IN for the prom/prometheus image: Debian's Prometheus, and wget for its health check (docker/offline/prometheus)
  packages_into_copy "$prometheus_tar" "prometheus and wget (stand-in for the prom/prometheus image)" prometheus wget
  # STAND-IN for the nginx image: Debian's nginx-light, the load balancer in front of the gateways (docker/offline/nginx)
  packages_into_copy "$nginx_tar" "nginx-light (stand-in for the nginx image)" nginx-light
  have_image "$BASE_IMAGE" || { log "docker import $BASE_IMAGE"; docker import -c 'CMD ["/bin/bash"]' "$debian_tar" "$BASE_IMAGE" >/dev/null; }
  have_image "$JAVA_IMAGE" || { log "docker import $JAVA_IMAGE"; docker import -c 'CMD ["/bin/bash"]' "$java_tar" "$JAVA_IMAGE" >/dev/null; }
  have_image "$POSTGRES_BASE_IMAGE" || { log "docker import $POSTGRES_BASE_IMAGE"; docker import -c 'CMD ["/bin/bash"]' "$postgres_tar" "$POSTGRES_BASE_IMAGE" >/dev/null; }
  have_image "$PROMETHEUS_BASE_IMAGE" || { log "docker import $PROMETHEUS_BASE_IMAGE"; docker import -c 'CMD ["/bin/bash"]' "$prometheus_tar" "$PROMETHEUS_BASE_IMAGE" >/dev/null; }
  have_image "$NGINX_BASE_IMAGE" || { log "docker import $NGINX_BASE_IMAGE"; docker import -c 'CMD ["/bin/bash"]' "$nginx_tar" "$NGINX_BASE_IMAGE" >/dev/null; }
  log "$JAVA_IMAGE: $(docker run --rm "$JAVA_IMAGE" java -version 2>&1 | head -1)"
}

# ---------------------------------------------------------------- Kafka, Keycloak, stand-ins, the modules
build() { # tag context [docker build options…]
  local tag=$1 context=$2; shift 2
  log "docker build $tag ($context)"
  docker build -q --build-arg "BASE_IMAGE=$JAVA_IMAGE" -t "$tag" "$@" "$context" >/dev/null
}

offline_images() {
  phase offline-images
  [[ -f docker/offline/target/offline-images.jar && -d docker/offline/target/keycloak/bin \
    && -f docker/offline/target/keycloak/providers/sdn-keycloak-extension.jar ]] \
    || "${MVN[@]}" package -pl docker/offline -am
  # shellcheck disable=SC1091
  source docker/offline/offline.env
  build "$KAFKA_IMAGE" docker/offline -f docker/offline/kafka/Dockerfile
  build "$KEYCLOAK_IMAGE" docker/offline -f docker/offline/keycloak/Dockerfile
  log "STAND-IN, THIS MACHINE ONLY: $KEYCLOAK_DB_IMAGE (Debian bookworm's PostgreSQL 15, not the official postgres image)"
  log "docker build $KEYCLOAK_DB_IMAGE (docker/offline/postgres)"
  docker build -q --build-arg "BASE_IMAGE=$POSTGRES_BASE_IMAGE" -t "$KEYCLOAK_DB_IMAGE" -f docker/offline/postgres/Dockerfile docker/offline >/dev/null
  log "STAND-IN, THIS MACHINE ONLY: $PROMETHEUS_IMAGE (Debian bookworm's Prometheus 2.42, not the official prom/prometheus image)"
  log "docker build $PROMETHEUS_IMAGE (docker/offline/prometheus)"
  docker build -q --build-arg "BASE_IMAGE=$PROMETHEUS_BASE_IMAGE" -t "$PROMETHEUS_IMAGE" -f docker/offline/prometheus/Dockerfile docker/offline >/dev/null
  log "STAND-IN, THIS MACHINE ONLY: $NGINX_IMAGE (Debian bookworm's nginx-light 1.22, not the official nginx image)"
  log "docker build $NGINX_IMAGE (docker/offline/nginx)"
  docker build -q --build-arg "BASE_IMAGE=$NGINX_BASE_IMAGE" -t "$NGINX_IMAGE" -f docker/offline/nginx/Dockerfile docker/offline >/dev/null
  log "STAND-INS, THIS MACHINE ONLY: $MONGO_IMAGE (mongo-java-server, not MongoDB), $MAIL_IMAGE (GreenMail SMTP, not Mailpit)"
  build "$MONGO_IMAGE" docker/offline -f docker/offline/standins/Dockerfile --build-arg MAIN=ml.sdn.offline.MongoStandIn
  build "$MAIL_IMAGE" docker/offline -f docker/offline/standins/Dockerfile --build-arg MAIN=ml.sdn.offline.MailStandIn
}

# The Boot modules as docker-compose.yml builds them: one Dockerfile (docker/boot-service.Dockerfile) with the
# module's MODULE and PORT build arguments, read from compose ("module port" per line; a module added there is
# built here too). Every other module with its own Dockerfile (local-smsc) is built from it.
boot_modules() {
  awk '/^ +MODULE: / {module = $2} /^ +PORT: / {gsub(/"/, "", $2); print module, $2}' docker-compose.yml
}

service_images() {
  phase service-images
  local module port dockerfile
  while read -r module port; do
    [[ -f $module/target/$module.jar ]] || die "$module/target/$module.jar missing: run ./mvnw -B package first"
    build "sdn/$module:latest" "$module" -f docker/boot-service.Dockerfile --build-arg "MODULE=$module" --build-arg "PORT=$port"
  done < <(boot_modules)
  for dockerfile in */Dockerfile; do
    module=$(dirname "$dockerfile")
    [[ -f $module/target/$module.jar ]] || die "$module/target/$module.jar missing: run ./mvnw -B package first"
    build "sdn/$module:latest" "$module"
  done
}

# ---------------------------------------------------------------- Testcontainers suite
image_properties() {
  # shellcheck disable=SC1091
  source docker/offline/offline.env
  echo "-Dsdn.test.image.mongo=$MONGO_IMAGE -Dsdn.test.image.kafka=$KAFKA_IMAGE -Dsdn.test.image.keycloak=$KEYCLOAK_IMAGE"
  echo "-Dsdn.test.image.mail=$MAIL_IMAGE -Dsdn.test.image.keycloak-db=$KEYCLOAK_DB_IMAGE -Dsdn.test.mongo-standin=true -Dsdn.test.image.tag=latest"
}

failsafe() { # it.test pattern, extra properties…
  local pattern=$1; shift
  # -am builds the modules e2e-tests depends on from this checkout (no stale ~/.m2 snapshot); their tests do not run.
  "${MVN[@]}" verify -pl e2e-tests -am -Pcontainers-offline \
    -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test="$pattern" -Dfailsafe.failIfNoSpecifiedTests=false \
    "$@" 2>&1 | tee "$RUN_DIR/failsafe.log" | grep -E '^\[(INFO|WARNING|ERROR)\] (Tests run|Running ml|BUILD|.*FAIL|.*<<<)|^== |Exception|expected' || true
  if ! grep -q 'BUILD SUCCESS' "$RUN_DIR/failsafe.log"; then
    [[ ${COMPOSE_UP:-false} == true ]] && compose_failure_logs
    die "failsafe run '$pattern' failed (log: $RUN_DIR/failsafe.log)"
  fi
  grep -qE 'Tests run: [1-9]' "$RUN_DIR/failsafe.log" || die "failsafe run '$pattern' ran no test"
}

testcontainers_suite() {
  phase testcontainers-suite
  mkdir -p "$RUN_DIR"
  log "Testcontainers suite: images $(image_properties | tr '\n' ' ')"
  # shellcheck disable=SC2046
  failsafe 'ml.sdn.e2e.containers.*IT' $(image_properties)
  remove_test_containers
}

remove_test_containers() {
  local ids
  ids=$(docker ps -aq --filter label=org.testcontainers=true 2>/dev/null || true)
  [[ -z $ids ]] || { log "removing Testcontainers leftovers"; docker rm -f -v $ids >/dev/null || true; }
}

# ---------------------------------------------------------------- compose scenario
compose_health() {
  local deadline=$((SECONDS + ${1:-480})) waiting
  while :; do
    waiting=""
    for id in $("${COMPOSE[@]}" ps -q); do
      local state
      state=$(docker inspect -f '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}no-check{{end}}' "$id")
      [[ $state == *" running healthy" ]] || waiting+=" ${state#/}"
    done
    [[ -z $waiting ]] && return 0
    if (( SECONDS > deadline )); then
      "${COMPOSE[@]}" ps; "${COMPOSE[@]}" logs --tail=60
      die "not healthy in time:$waiting"
    fi
    log "waiting for:$waiting"
    sleep 10
  done
}

# The compose scenario failed: every container's log kept in $RUN_DIR, and their errors and warnings shown
# (the run's output is all CI keeps; the containers go with the engine).
compose_failure_logs() {
  "${COMPOSE[@]}" logs --no-color --timestamps > "$RUN_DIR/compose.log" 2>&1 || true
  log "containers' errors and warnings (all their logs: $RUN_DIR/compose.log)"
  grep -E ' (ERROR|WARN) ' "$RUN_DIR/compose.log" | grep -v 'is not yet implemented' | tail -150 || true
}

compose_scenario() {
  phase compose-up
  mkdir -p "$RUN_DIR"
  log "STAND-INS, THIS MACHINE ONLY: mongo and mailpit run sdn-local stand-ins (docker/offline/docker-compose.offline.yml), keycloak-db Debian's PostgreSQL 15 and prometheus Debian's Prometheus 2.42 (offline.env)"
  chmod a+r identity/realm-sdn.json        # Keycloak (uid 1000) reads it through a read-only bind mount
  chmod -R a+rX identity/theme             # and the login theme
  chmod -R a+rX docker/prometheus          # Prometheus (nobody) reads its configuration and rules through a read-only bind mount
  chmod -R a+rX docker/nginx docker/rolling-redeploy.sh
  "${COMPOSE[@]}" config -q
  # docker-compose v1 stops `up` at a dependency that is not healthy yet (Keycloak's first start can
  # outlast its health check's retries on a loaded machine): wait for the health checks, then up again.
  local attempt
  for attempt in 1 2 3; do
    local status=0
    "${COMPOSE[@]}" up -d --build > "$RUN_DIR/compose-up.log" 2>&1 || status=$?
    grep -v '^Step \|^ --->\|^Removing intermediate\|^Successfully\|^Sending build' "$RUN_DIR/compose-up.log" || true
    (( status == 0 )) && break
    (( attempt < 3 )) || die "docker-compose up failed 3 times"
    log "up stopped at a dependency not healthy yet (load average $(cut -d' ' -f1-3 /proc/loadavg)): waiting, then up again"
    compose_health 900
  done
  compose_health 900
  "${COMPOSE[@]}" ps
  COMPOSE_UP=true
  phase compose-scenario
  log "smoke through nginx, then docker/rolling-redeploy.sh over the four services and the gateways under load (0 failed requests,"
  log "0 lost or duplicated events); Prometheus's targets (both replicas of each part) and PartDown"
  failsafe 'ml.sdn.e2e.containers.compose.*IT' -Dsdn.compose.gateway=http://127.0.0.1:8080 \
    -Dsdn.compose.keycloak=http://127.0.0.1:8180 -Dsdn.compose.command="${COMPOSE[*]}" \
    -Dsdn.compose.redeploy="registration-service competition-service incubation-service notification-service gateway" \
    -Dsdn.compose.prometheus=http://127.0.0.1:9090
  phase compose-down
  "${COMPOSE[@]}" down -v --remove-orphans
}

# ---------------------------------------------------------------- cleanup: what our engine left, and the engine
cleanup() {
  local status=$?
  set +e
  unmount_chroot
  phase cleanup
  if docker info >/dev/null 2>&1 && [[ ${SDN_KEEP_ENGINE:-false} != true || $STEP == clean ]]; then
    "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1
    remove_test_containers
    docker network prune -f >/dev/null
    docker volume prune -f >/dev/null
    if $PURGE; then log "--purge: removing every image"; docker system prune -af >/dev/null; fi
  fi
  if [[ -f $RUN_DIR/engine.pid && ${SDN_KEEP_ENGINE:-false} == true ]]; then
    log "SDN_KEEP_ENGINE=true: leaving the engine this script started running (PID $(cat "$RUN_DIR/engine.pid")); '$0 clean' stops it"
  elif [[ -f $RUN_DIR/engine.pid ]]; then
    local pid
    pid=$(cat "$RUN_DIR/engine.pid")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping the dockerd this script started (PID $pid)"
      kill -TERM "$pid"
      for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && { log "dockerd still running after 30 s: SIGKILL $pid"; kill -KILL "$pid"; sleep 2; }
    fi
    # Only what did not exist before our engine started.
    local table
    while read -r family name; do
      grep -qx "$family $name" "$RUN_DIR/nft-before" 2>/dev/null || nft delete table "$family" "$name"
    done < <(nft list tables 2>/dev/null | awk '{print $2" "$3}')
    local link
    for link in $(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1); do
      [[ $link == docker0 || $link == br-* || $link == veth* ]] || continue
      grep -qx "$link" "$RUN_DIR/links-before" 2>/dev/null || ip link del "$link" 2>/dev/null
    done
    rm -f /run/docker.sock /run/sdn-dockerd.pid "$RUN_DIR/engine.pid"
    mountpoint -q /run/docker/netns/default 2>/dev/null && umount /run/docker/netns/default
  fi
  if $PURGE; then
    log "--purge: removing /var/lib/docker and $CACHE"
    pgrep -x dockerd >/dev/null || rm -rf /var/lib/docker
    rm -rf "$CACHE"
  fi
  log "left behind: dockerd $(pgrep -x dockerd | tr '\n' ' ' || true)| containerd $(pgrep -x containerd | tr '\n' ' ' || true)| nft tables: $(nft list tables 2>/dev/null | tr '\n' ' ')| links: $(ip -o link show | awk -F': ' '{print $2}' | tr '\n' ' ')"
  [[ -n $PHASE ]] && TIMINGS+=("$PHASE $((SECONDS - PHASE_START))s")
  log "phases: ${TIMINGS[*]}; total $((SECONDS - T0))s; exit status $status"
  exit "$status"
}

trap 'exit 143' TERM INT     # through the EXIT trap: the cleanup runs
preflight
case $STEP in
  clean) mkdir -p "$RUN_DIR"; trap cleanup EXIT ;;
  engine|images|test|compose|all)
    trap cleanup EXIT
    engine_up
    ;;
  *) die "unknown step '$STEP' (engine|images|test|compose|all|clean)" ;;
esac
case $STEP in
  images) base_images; offline_images; service_images ;;
  test) base_images; offline_images; service_images; testcontainers_suite ;;
  compose) base_images; offline_images; service_images; compose_scenario ;;
  all) base_images; offline_images; service_images; testcontainers_suite; compose_scenario ;;
esac
