#!/usr/bin/env bash
# Real services for the integration tests and the example pipeline, on this machine, without Docker:
#   - PostgreSQL from the Debian package, started with pg_ctlcluster, on 127.0.0.1:5432;
#   - a single-node Apache Kafka broker in KRaft mode, built from Maven Central jars, on 127.0.0.1:9092.
#
# Usage: scripts/services.sh up|down|status|env|restart [postgres|kafka]
#        scripts/services.sh start|stop postgres|kafka
# Idempotent: `up` on running services and `down` on stopped ones do nothing.
# The jar cache, broker data and logs live under $CDC_SERVICES_HOME (default ~/.cache/cdc-enrich-services).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SERVICES_HOME="${CDC_SERVICES_HOME:-$HOME/.cache/cdc-enrich-services}"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$HERE/kafka/pom.xml")"
KAFKA_LIB="$SERVICES_HOME/kafka-$KAFKA_VERSION/lib"
KAFKA_HOME="$SERVICES_HOME/kafka-run"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_PID="$KAFKA_HOME/kafka.pid"
PG_PORT=5432
PG_USER=cdc
PG_PASSWORD=cdc
PG_DB=cdc_enrich

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] error: %s\n' "$*" >&2; exit 1; }

# ---------- PostgreSQL ----------

pg_version() {
  # The newest installed server version (Debian keeps one folder per major version).
  ls -1 /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1
}

pg_install() {
  if [ -z "$(pg_version)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing PostgreSQL from Debian packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local v; v="$(pg_version)"
  [ -n "$v" ] || die "PostgreSQL is not installed and apt-get did not install it"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$v main"; then
    log "creating cluster $v/main"
    pg_createcluster "$v" main >/dev/null
  fi
}

pg_running() {
  local v; v="$(pg_version)"
  [ -n "$v" ] && pg_lsclusters -h 2>/dev/null | awk -v v="$v" '$1==v && $2=="main" {print $4}' | grep -q online
}

pg_start() {
  pg_install
  local v; v="$(pg_version)"
  if ! pg_running; then
    log "starting PostgreSQL $v on 127.0.0.1:$PG_PORT"
    # Loopback only (Debian's default is 'localhost' too; set it so an edited config cannot widen it).
    pg_conftool "$v" main set listen_addresses localhost >/dev/null
    pg_conftool "$v" main set port "$PG_PORT" >/dev/null
    pg_ctlcluster "$v" main start
  fi
  local i
  for i in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.5
  done
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL did not become ready on 127.0.0.1:$PG_PORT"
  # Role and database for the project; password auth over TCP (scram, per Debian's pg_hba.conf).
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PG_PORT" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
    CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD' CREATEDB;
  END IF;
END \$\$;
SQL
  if ! su postgres -c "psql -tA -p $PG_PORT -c \"SELECT 1 FROM pg_database WHERE datname = '$PG_DB'\"" | grep -q 1; then
    su postgres -c "createdb -p $PG_PORT -O $PG_USER $PG_DB"
  fi
  PGPASSWORD="$PG_PASSWORD" psql -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -c 'SELECT 1' >/dev/null \
    || die "cannot log in to $PG_DB as $PG_USER over TCP"
  log "PostgreSQL ready"
}

pg_stop() {
  if pg_running; then
    log "stopping PostgreSQL"
    pg_ctlcluster "$(pg_version)" main stop -m fast
  fi
}

# ---------- Kafka ----------

kafka_fetch() {
  if [ -f "$KAFKA_LIB/.complete" ]; then return 0; fi
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to fetch the Kafka jars"
  command -v java >/dev/null 2>&1 || die "Java 17 is needed to run Kafka"
  log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB"
  rm -rf "$KAFKA_LIB"
  mkdir -p "$KAFKA_LIB"
  mvn -q -B -f "$HERE/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIB" -DincludeScope=runtime >&2 || die "mvn could not fetch the Kafka jars"
  touch "$KAFKA_LIB/.complete"
}

kafka_pid() {
  [ -f "$KAFKA_PID" ] || return 1
  local pid; pid="$(cat "$KAFKA_PID")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

kafka_ready() {
  # A real metadata round-trip, not just an open port.
  timeout 30 java -Xmx128m -cp "$KAFKA_LIB/*" -Dlog4j.configuration="file:$HERE/kafka/log4j-tools.properties" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list >/dev/null 2>&1
}

kafka_start() {
  kafka_fetch
  if kafka_pid >/dev/null; then
    log "Kafka already running (pid $(kafka_pid))"
  else
    mkdir -p "$KAFKA_HOME/data" "$KAFKA_HOME/logs"
    sed -e "s#@DATA_DIR@#$KAFKA_HOME/data#" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
      -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
      "$HERE/kafka/server.properties.template" >"$KAFKA_HOME/server.properties"
    if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
      local uuid
      uuid="$(java -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
      log "formatting KRaft storage (cluster $uuid)"
      # StorageTool calls exit(), so it runs as its own JVM.
      java -cp "$KAFKA_LIB/*" -Dlog4j.configuration="file:$HERE/kafka/log4j-tools.properties" kafka.tools.StorageTool \
        format -t "$uuid" -c "$KAFKA_HOME/server.properties" --ignore-formatted >&2
    fi
    log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT"
    nohup java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dkafka.logs.dir="$KAFKA_HOME/logs" -Dlog4j.configuration="file:$HERE/kafka/log4j.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/server.properties" \
      >"$KAFKA_HOME/logs/stdout.log" 2>&1 </dev/null &
    echo $! >"$KAFKA_PID"
  fi
  local i
  for i in $(seq 1 60); do
    if ! kafka_pid >/dev/null; then
      tail -n 30 "$KAFKA_HOME/logs/stdout.log" "$KAFKA_HOME/logs/server.log" >&2 2>/dev/null || true
      die "Kafka exited during start-up (logs above, and in $KAFKA_HOME/logs)"
    fi
    if kafka_ready; then
      log "Kafka ready"
      return 0
    fi
    sleep 1
  done
  die "Kafka did not answer a metadata request on 127.0.0.1:$KAFKA_PORT within the time limit"
}

kafka_stop() {
  local pid
  if pid="$(kafka_pid)"; then
    log "stopping Kafka (pid $pid)"
    kill "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$KAFKA_PID"
}

# ---------- commands ----------

env_lines() {
  cat <<EOF2
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
export DATABASE_URL=postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB
export POSTGRES_HOST=127.0.0.1
export POSTGRES_PORT=$PG_PORT
export POSTGRES_DB=$PG_DB
export POSTGRES_USER=$PG_USER
export POSTGRES_PASSWORD=$PG_PASSWORD
EOF2
}

status() {
  local rc=0
  if pg_running && pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then echo "postgres: up (127.0.0.1:$PG_PORT)"; else echo "postgres: down"; rc=1; fi
  if kafka_pid >/dev/null && kafka_ready; then echo "kafka: up (127.0.0.1:$KAFKA_PORT)"; else echo "kafka: down"; rc=1; fi
  return "$rc"
}

which_services() {
  case "${1:-all}" in
    all) echo "postgres kafka" ;;
    postgres | kafka) echo "$1" ;;
    *) die "unknown service '$1' (postgres|kafka)" ;;
  esac
}

cmd="${1:-}"
target="${2:-all}"
case "$cmd" in
  up | start)
    for s in $(which_services "$target"); do
      if [ "$s" = postgres ]; then pg_start; else kafka_start; fi
    done
    ;;
  down | stop)
    for s in $(which_services "$target"); do
      if [ "$s" = postgres ]; then pg_stop; else kafka_stop; fi
    done
    ;;
  restart)
    for s in $(which_services "$target"); do
      if [ "$s" = postgres ]; then pg_stop; pg_start; else kafka_stop; kafka_start; fi
    done
    ;;
  status) status ;;
  env) env_lines ;;
  *)
    echo "usage: $0 up|down|status|env|restart [postgres|kafka] | start|stop postgres|kafka" >&2
    exit 2
    ;;
esac
