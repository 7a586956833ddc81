#!/bin/bash
# The official postgres image's start, for what docker-compose.yml uses: on an empty PGDATA, initdb with
# POSTGRES_USER / POSTGRES_PASSWORD and a POSTGRES_DB owned by that user; then exec postgres (PID 1,
# stopped by SIGINT). Connections from the network need the password (scram-sha-256); the socket inside
# the container trusts local users, as the official image does.
set -euo pipefail
export PGDATA=${PGDATA:-/var/lib/postgresql/data}
user=${POSTGRES_USER:-postgres}
database=${POSTGRES_DB:-$user}
if [[ ! -s $PGDATA/PG_VERSION ]]; then
  [[ -n ${POSTGRES_PASSWORD:-} ]] || { echo "POSTGRES_PASSWORD is not set: refusing to create a database without a password" >&2; exit 1; }
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 --pgdata="$PGDATA"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [[ $database != postgres ]]; then
    # single-user mode: no server listens before the database exists, so no health check passes too early
    echo "CREATE DATABASE \"$database\" OWNER \"$user\"" | postgres --single -D "$PGDATA" postgres > /dev/null
  fi
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql
