#!/usr/bin/env bash
# Throwaway PostgreSQL 15 and Redis 7 on loopback ports, for the cluster script and the tests:
#   deploy/cluster/engines.sh start DIR   (PG_PORT, REDIS_PORT; prints the settings Pass needs)
#   deploy/cluster/engines.sh stop DIR
#   deploy/cluster/engines.sh pg-stop DIR | pg-start DIR   (PostgreSQL alone, for the outage drills; same PG_PORT)
# Installs the Debian packages when missing (apt never starts their services here); initdb refuses root, so the
# database runs as the postgres user on a folder it owns. fsync is off: test data, not a deployment.
set -euo pipefail
ACTION=${1:?start or stop}; DIR=$(realpath -m "${2:?a data folder}")
PG_PORT=${PG_PORT:-55432}; REDIS_PORT=${REDIS_PORT:-56379}
PG_BIN=/usr/lib/postgresql/15/bin

need() {
  if ! dpkg -s "$1" >/dev/null 2>&1; then
    echo "installing $1" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
  fi
}

start_pg() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -w -l "$DIR/pg/log" \
    -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
}

case $ACTION in
  start)
    need postgresql; need redis-server
    mkdir -p "$DIR/pg" "$DIR/redis"
    chmod 755 "$DIR"  # the postgres user must reach its folder inside it
    chown postgres:postgres "$DIR/pg"
    if [[ ! -f $DIR/pg/PG_VERSION ]]; then
      runuser -u postgres -- "$PG_BIN/initdb" -D "$DIR/pg" -A trust -U pass --no-sync >/dev/null
    fi
    start_pg
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
      --pidfile "$DIR/redis/redis.pid" --logfile "$DIR/redis/log" --dir "$DIR/redis"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    echo "ConnectionStrings__Pass=Host=127.0.0.1;Port=$PG_PORT;Username=pass;Database=postgres"
    echo "Pass__Redis__Configuration=127.0.0.1:$REDIS_PORT"
    ;;
  stop)
    [[ -f $DIR/pg/postmaster.pid ]] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null || true
    [[ -f $DIR/redis/redis.pid ]] && kill "$(cat "$DIR/redis/redis.pid")" 2>/dev/null || true
    ;;
  pg-stop) runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null ;;
  pg-start) start_pg ;;
  *) echo "start, stop, pg-stop or pg-start" >&2; exit 2 ;;
esac
