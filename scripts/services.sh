#!/usr/bin/env bash
# Real services for the integration tests and the example pipeline, on this machine, without Docker:
#   - PostgreSQL from the Debian package, started with pg_ctlcluster, on 127.0.0.1:5432;
#   - a single-node Apache Kafka broker in KRaft mode, run from Maven Central jars, on 127.0.0.1:9092.
#
# Usage: scripts/services.sh up|down|restart [postgres|kafka]
#
# Private instances (the restart tests stop and start these, never the shared ones):
#   PG_CLUSTER=cdc_restart PG_PORT=55432 KAFKA_INSTANCE=restart KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 \
#     scripts/services.sh up|stop|start|env ...
#        scripts/services.sh start|stop postgres|kafka     (same as up|down for one service)
#        scripts/services.sh status|env|logs [postgres|kafka]
#        scripts/services.sh kafka-tool topics|console-producer|console-consumer|consumer-groups|... [args]
#
# Idempotent: `up` on running services and `down` on stopped ones do nothing. `up` waits (bounded) until each
# service answers a real request, and exits non-zero with the reason when one does not.
# The Kafka jar cache, broker data and broker logs live under $CDC_SERVICES_HOME
# (default ~/.cache/cdc-enrich-services), never inside the repository.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVICES_HOME="${CDC_SERVICES_HOME:-$HOME/.cache/cdc-enrich-services}"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/kafka/pom.xml")"
KAFKA_LIB="$SERVICES_HOME/kafka-$KAFKA_VERSION/lib"
# A second, private broker (e.g. for restart tests) runs as another instance: own data, logs, pid and ports.
KAFKA_INSTANCE="${KAFKA_INSTANCE:-}"
KAFKA_HOME="$SERVICES_HOME/kafka-run${KAFKA_INSTANCE:+-$KAFKA_INSTANCE}"
KAFKA_PID_FILE="$KAFKA_HOME/kafka.pid"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}" # seconds, after the jars are cached
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"
# A second PostgreSQL cluster (e.g. for restart tests) is another Debian cluster name on another port.
PG_CLUSTER="${PG_CLUSTER:-main}"
PG_PORT="${PG_PORT:-5432}"
PG_USER=cdc
PG_PASSWORD=cdc
PG_DB=cdc_enrich
# Short-lived tool JVMs (StorageTool, TopicCommand): small heap, C1 only, quiet logging.
TOOL_JVM=(java -Xmx128m -XX:TieredStopAtLevel=1 -Dlog4j.configuration="file:$HERE/kafka/log4j-tools.properties")

log() { printf '[services] %s\n' "$*" >&2; }
die() {
  printf '[services] error: %s\n' "$*" >&2
  exit 1
}

# Root for apt-get and pg_ctlcluster; sudo when run as another user (CI runners often are).
# `9>&-`: daemons started from here (the postmaster) must not inherit the lock descriptor (see with_lock).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@" 9>&-; else sudo -n "$@" 9>&-; fi
}
as_postgres() {
  # `cd /` so psql does not complain that the caller's folder is unreadable to the postgres user.
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && sudo -n -u postgres "$@")
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* by hand"
  if [ "$APT_UPDATED" = 0 ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Serialize the commands that change state: CI steps, tests (`stop postgres` / `restart kafka`) and people may
# call this script at the same time. Every long-lived process started while the lock is held must be started
# with fd 9 closed, or it would hold the lock for its whole life.
with_lock() {
  mkdir -p "$SERVICES_HOME"
  exec 9>"$SERVICES_HOME/.lock"
  flock -w 600 9 || die "another scripts/services.sh has held $SERVICES_HOME/.lock for 10 minutes"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------- PostgreSQL ----------

pg_version() {
  # The newest installed server (Debian keeps one folder per major version; client-only installs have no
  # bin/postgres, so they do not count).
  local d
  # shellcheck disable=SC2012 # the folder names are version numbers.
  for d in $(ls -1 /usr/lib/postgresql 2>/dev/null | sort -n -r); do
    if [ -x "/usr/lib/postgresql/$d/bin/postgres" ]; then
      echo "$d"
      return 0
    fi
  done
}

pg_install() {
  if [ -z "$(pg_version)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "PostgreSQL server not found: installing the Debian package"
    apt_install postgresql
  fi
  local v
  v="$(pg_version)"
  [ -n "$v" ] || die "PostgreSQL is not installed and apt-get did not install it"
  if [ -z "$(pg_lsclusters -h 2>/dev/null | awk -v v="$v" -v c="$PG_CLUSTER" '$1==v && $2==c')" ]; then
    log "creating cluster $v/$PG_CLUSTER on port $PG_PORT"
    as_root pg_createcluster -p "$PG_PORT" "$v" "$PG_CLUSTER" >/dev/null
  fi
}

pg_running() {
  local v
  v="$(pg_version)"
  [ -n "$v" ] && [ "$(pg_lsclusters -h 2>/dev/null | awk -v v="$v" -v c="$PG_CLUSTER" '$1==v && $2==c {print $4}')" = online ]
}

pg_setup_role() {
  # Role and database for the project, password auth over TCP (Debian's pg_hba.conf: scram-sha-256 for
  # 127.0.0.1/32). The password is (re)set every time so a changed password cannot linger.
  as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
SQL
  if [ "$(as_postgres psql -X -tA -p "$PG_PORT" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
    log "creating database $PG_DB"
    as_postgres createdb -p "$PG_PORT" -O "$PG_USER" "$PG_DB"
  fi
}

pg_login_ok() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" \
    -c 'SELECT 1' >/dev/null 2>&1
}

pg_start() {
  pg_install
  local v
  v="$(pg_version)"
  if pg_running; then
    log "PostgreSQL $v already running"
  else
    log "starting PostgreSQL $v on 127.0.0.1:$PG_PORT"
    # Loopback only ('localhost' is Debian's default too; set it so an edited config cannot widen it).
    as_root pg_conftool "$v" "$PG_CLUSTER" set listen_addresses localhost >/dev/null
    as_root pg_conftool "$v" "$PG_CLUSTER" set port "$PG_PORT" >/dev/null
    as_root pg_ctlcluster "$v" "$PG_CLUSTER" start ||
      die "pg_ctlcluster $v $PG_CLUSTER start failed (see /var/log/postgresql/postgresql-$v-$PG_CLUSTER.log)"
  fi
  local deadline=$((SECONDS + PG_START_TIMEOUT))
  until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do
    [ "$SECONDS" -lt "$deadline" ] ||
      die "PostgreSQL did not accept connections on 127.0.0.1:$PG_PORT within ${PG_START_TIMEOUT}s (see /var/log/postgresql/postgresql-$v-$PG_CLUSTER.log)"
    sleep 0.5
  done
  if ! pg_login_ok; then
    pg_setup_role
    pg_login_ok || die "cannot log in to $PG_DB as $PG_USER with a password over TCP (check pg_hba.conf for 127.0.0.1/32)"
  fi
  log "PostgreSQL ready: postgres://$PG_USER:***@127.0.0.1:$PG_PORT/$PG_DB"
}

pg_stop() {
  if pg_running; then
    log "stopping PostgreSQL $(pg_version)/$PG_CLUSTER"
    as_root pg_ctlcluster "$(pg_version)" "$PG_CLUSTER" stop -m fast
  else
    log "PostgreSQL not running"
  fi
}

pg_status() {
  if pg_running && pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && pg_login_ok; then
    echo "postgres: up (PostgreSQL $(pg_version)/$PG_CLUSTER, 127.0.0.1:$PG_PORT, db $PG_DB, user $PG_USER)"
  else
    echo "postgres: down"
    return 1
  fi
}

# ---------- Kafka ----------

kafka_fetch() {
  if [ -f "$KAFKA_LIB/.complete" ]; then return 0; fi
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless
  command -v mvn >/dev/null 2>&1 || apt_install maven
  log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB"
  # Download into a scratch folder and rename it, so an interrupted download never looks complete.
  local tmp="$KAFKA_LIB.partial.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! mvn -B -Dstyle.color=never -f "$HERE/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >"$SERVICES_HOME/mvn.log" 2>&1; then
    tail -n 40 "$SERVICES_HOME/mvn.log" >&2
    rm -rf "$tmp"
    die "mvn could not fetch the Kafka jars (network or Maven Central mirror problem? full log: $SERVICES_HOME/mvn.log)"
  fi
  touch "$tmp/.complete"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
  local jars=("$KAFKA_LIB"/*.jar)
  log "cached ${#jars[@]} jars"
}

kafka_pid() {
  # The pid in the pid file, if that process is still our broker (guards against pid reuse).
  [ -f "$KAFKA_PID_FILE" ] || return 1
  local pid cmdline
  pid="$(cat "$KAFKA_PID_FILE")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmdline" == *" kafka.Kafka "* ]] && echo "$pid"
}

kafka_ready() {
  # A real metadata round-trip through the broker (which needs the KRaft controller), not just an open port.
  [ -f "$KAFKA_LIB/.complete" ] || return 1
  timeout 30 "${TOOL_JVM[@]}" -cp "$KAFKA_LIB/*" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list >/dev/null 2>&1
}

kafka_start() {
  kafka_fetch
  local pid
  if pid="$(kafka_pid)"; then
    log "Kafka already running (pid $pid)"
  else
    if port_open "$KAFKA_PORT" || port_open "$KAFKA_CONTROLLER_PORT"; then
      die "127.0.0.1:$KAFKA_PORT or :$KAFKA_CONTROLLER_PORT is taken by a process this script did not start (pid file $KAFKA_PID_FILE); stop it first"
    fi
    mkdir -p "$KAFKA_HOME/data" "$KAFKA_HOME/logs"
    sed -e "s#@DATA_DIR@#$KAFKA_HOME/data#" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
      -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      "$HERE/kafka/server.properties.template" >"$KAFKA_HOME/server.properties"
    if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
      local uuid
      uuid="$("${TOOL_JVM[@]}" -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid | tail -n 1)"
      log "formatting KRaft storage (cluster id $uuid)"
      # StorageTool calls exit(), so it runs as its own JVM. A static quorum (controller.quorum.voters)
      # needs no --standalone.
      "${TOOL_JVM[@]}" -cp "$KAFKA_LIB/*" kafka.tools.StorageTool \
        format -t "$uuid" -c "$KAFKA_HOME/server.properties" --ignore-formatted >&2 ||
        die "kafka.tools.StorageTool format failed"
    fi
    log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (controller :$KAFKA_CONTROLLER_PORT)"
    # setsid: the broker gets its own session, so it outlives the caller's terminal or CI step and a
    # Ctrl-C there does not reach it. The child writes its own pid before exec'ing the JVM.
    # shellcheck disable=SC2086,SC2016 # KAFKA_HEAP_OPTS is a list of JVM flags; $$ is the inner shell's.
    KAFKA_PID_FILE="$KAFKA_PID_FILE" setsid bash -c 'echo $$ >"$KAFKA_PID_FILE"; exec "$@"' kafka \
      java $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
      -Dkafka.logs.dir="$KAFKA_HOME/logs" -Dlog4j.configuration="file:$HERE/kafka/log4j.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
      >"$KAFKA_HOME/logs/stdout.log" 2>&1 </dev/null 9>&- &
    local deadline=$((SECONDS + 10))
    until kafka_pid >/dev/null; do
      [ "$SECONDS" -lt "$deadline" ] || break
      sleep 0.2
    done
  fi
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while :; do
    if ! kafka_pid >/dev/null; then
      tail -n 30 "$KAFKA_HOME/logs/stdout.log" "$KAFKA_HOME/logs/server.log" >&2 2>/dev/null || true
      die "Kafka exited during start-up (logs above, and in $KAFKA_HOME/logs)"
    fi
    # Cheap port probe first; the metadata request costs a JVM start, so only try it once the port is open.
    if port_open "$KAFKA_PORT" && kafka_ready; then
      log "Kafka ready: 127.0.0.1:$KAFKA_PORT"
      return 0
    fi
    [ "$SECONDS" -lt "$deadline" ] ||
      die "Kafka did not answer a metadata request on 127.0.0.1:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s (logs in $KAFKA_HOME/logs)"
    sleep 0.3
  done
}

kafka_stop() {
  local pid
  if pid="$(kafka_pid)"; then
    log "stopping Kafka (pid $pid)"
    kill "$pid" 2>/dev/null || true
    # A clean shutdown (controlled shutdown, log flush) takes a few seconds; SIGKILL after 30 s.
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.3; done
    if kill -0 "$pid" 2>/dev/null; then
      log "Kafka did not stop within 30s: SIGKILL"
      kill -9 "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  else
    log "Kafka not running"
  fi
  rm -f "$KAFKA_PID_FILE"
}

kafka_status() {
  local pid
  if pid="$(kafka_pid)" && kafka_ready; then
    echo "kafka: up (Apache Kafka $KAFKA_VERSION KRaft, 127.0.0.1:$KAFKA_PORT, pid $pid)"
  else
    echo "kafka: down"
    return 1
  fi
}

# ---------- commands ----------

env_lines() {
  local s
  for s in "$@"; do
    if [ "$s" = kafka ]; then
      echo "export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT"
    else
      cat <<EOF
export DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB
export POSTGRES_HOST=127.0.0.1
export POSTGRES_PORT=$PG_PORT
export POSTGRES_DB=$PG_DB
export POSTGRES_USER=$PG_USER
export POSTGRES_PASSWORD=$PG_PASSWORD
EOF
    fi
  done
}

usage() {
  cat >&2 <<EOF
usage: $0 up|down|restart [postgres|kafka]
       $0 start|stop postgres|kafka
       $0 status|env|logs [postgres|kafka]
       $0 kafka-tool topics|console-producer|console-consumer|consumer-groups|broker-api-versions|<main class> [args]
EOF
  exit 2
}

cmd="${1:-}"
if [ "$cmd" = kafka-tool ]; then
  # Kafka's command-line tools from the cached jars, e.g.
  #   scripts/services.sh kafka-tool topics --bootstrap-server 127.0.0.1:9092 --list
  [ $# -ge 2 ] || usage
  case "$2" in
    topics) main=org.apache.kafka.tools.TopicCommand ;;
    console-producer) main=kafka.tools.ConsoleProducer ;;
    console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    consumer-groups) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
    broker-api-versions) main=kafka.admin.BrokerApiVersionsCommand ;;
    *) main="$2" ;; # any main class on the broker's classpath
  esac
  shift 2
  [ -f "$KAFKA_LIB/.complete" ] || die "Kafka jars not cached yet: run scripts/services.sh up kafka"
  exec "${TOOL_JVM[@]}" -cp "$KAFKA_LIB/*" "$main" "$@"
fi
target="${2:-all}"
case "$target" in
  all) services=(postgres kafka) ;;
  postgres | kafka) services=("$target") ;;
  *) die "unknown service '$target' (postgres|kafka)" ;;
esac

case "$cmd" in
  up | start)
    with_lock
    for s in "${services[@]}"; do
      if [ "$s" = postgres ]; then pg_start; else kafka_start; fi
    done
    ;;
  down | stop)
    with_lock
    for s in "${services[@]}"; do
      if [ "$s" = postgres ]; then pg_stop; else kafka_stop; fi
    done
    ;;
  restart)
    with_lock
    for s in "${services[@]}"; do
      if [ "$s" = postgres ]; then
        pg_stop
        pg_start
      else
        kafka_stop
        kafka_start
      fi
    done
    ;;
  status)
    rc=0
    for s in "${services[@]}"; do
      if [ "$s" = postgres ]; then pg_status || rc=1; else kafka_status || rc=1; fi
    done
    exit "$rc"
    ;;
  env) env_lines "${services[@]}" ;;
  logs)
    for s in "${services[@]}"; do
      if [ "$s" = postgres ]; then
        echo "/var/log/postgresql/postgresql-$(pg_version)-$PG_CLUSTER.log"
      else
        echo "$KAFKA_HOME/logs/server.log"
        echo "$KAFKA_HOME/logs/stdout.log"
      fi
    done
    ;;
  *) usage ;;
esac
