#!/usr/bin/env bash
# Reproduces every figure of docs/benchmarks.md in one command:
#   bench/run.sh [--quick] [--runs N] [--no-build] [--skip-startup] [--only FIGURES] [--output FILE]
# FIGURES is a comma-separated subset of startup,intake,propagation,fanout,relay,stats (default: all).
# It builds the jars it needs, starts PostgreSQL (the system PostgreSQL 15 when present, else an embedded one), the
# baseline service and the local suite, measures each figure after a warm-up (median of N runs, baselines in the same
# run), prints a table and writes docs/benchmarks.md. Everything it started is stopped on exit, even on failure.
# All traffic goes to 127.0.0.1; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# the command as given, with the BENCH_* overrides it ran with
COMMAND="$(env | { grep '^BENCH_' || true; } | sort | tr '\n' ' ')bench/run.sh $*"

QUICK=0 BUILD=1 STARTUP=1 RUNS="" ONLY="" OUTPUT="$ROOT/docs/benchmarks.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --runs) RUNS="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --skip-startup) STARTUP=0 ;;
    --only) ONLY="$2"; shift ;;
    --output) OUTPUT="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

wants() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
if ! wants startup; then STARTUP=0; fi

if [ "$QUICK" = 1 ]; then
  WARMUP=${BENCH_WARMUP:-10} DURATION=${BENCH_DURATION:-5} RUNS=${RUNS:-3} STARTUP_RUNS=${BENCH_STARTUP_RUNS:-2}
  PROP_SECONDS=${BENCH_PROP_SECONDS:-10} RELAY_EVENTS=${BENCH_RELAY_EVENTS:-2000} STATS_ROWS=${BENCH_STATS_ROWS:-200000}
  PROP_WARMUP=${BENCH_PROP_WARMUP:-30}
else
  WARMUP=${BENCH_WARMUP:-60} DURATION=${BENCH_DURATION:-30} RUNS=${RUNS:-5} STARTUP_RUNS=${BENCH_STARTUP_RUNS:-5}
  PROP_SECONDS=${BENCH_PROP_SECONDS:-60} RELAY_EVENTS=${BENCH_RELAY_EVENTS:-10000} STATS_ROWS=${BENCH_STATS_ROWS:-1000000}
  PROP_WARMUP=${BENCH_PROP_WARMUP:-300}
fi
FANOUT_LISTINGS=${BENCH_FANOUT_LISTINGS:-10000}
FANOUT_EVIDENCE=${BENCH_FANOUT_EVIDENCE:-1}
# the customers the second intake figure spreads its reports over (bench/NOTES.md, round 19); 0 leaves it out
INTAKE_CUSTOMERS=${BENCH_INTAKE_CUSTOMERS:-32}
RELAY_WARMUPS=${BENCH_RELAY_WARMUPS:-3}
PROP_RATES=${BENCH_PROP_RATES:-"50 100 200 400 1000"}
# the propagation warm-up: a rate that leaves the four JIT compilers CPU to finish on two cores (bench/NOTES.md,
# round 10: after 120 s at 100/s they still took two-thirds of the CPU of the 25/s figure; after 300 s at 15/s, a third)
PROP_WARMUP_RATE=${BENCH_PROP_WARMUP_RATE:-15}
HOP_RATES=${BENCH_HOP_RATES:-"200"}
CONNECTIONS=16 WRK_THREADS=2

OUT="$ROOT/bench/target/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
RESULTS="$OUT/results.jsonl"
: > "$RESULTS"
BENCH=(python3 "$ROOT/bench/tools/bench.py" --results "$RESULTS")
export BENCH_WRK_DIR="$ROOT/bench/wrk"

PG_USER=takedown_bench PG_PASSWORD=takedown_bench PG_PORT=5432
export PGHOST=127.0.0.1 PGUSER=$PG_USER PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=5
BASELINE_PORT=8090 AWS=http://127.0.0.1:8081 APPLE=http://127.0.0.1:8082 GOOGLE=http://127.0.0.1:8083
NOTIFICATION=http://127.0.0.1:8084 BASELINE=http://127.0.0.1:$BASELINE_PORT

log() { printf '\n[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { echo "bench/run.sh: $*" >&2; exit 1; }

# ---------------------------------------------------------------- cleanup: only what this script started

STARTED_PG_CLUSTER=0 EMBEDDED_PG_PID="" SUITE_PID="" SUITE_CHILDREN="" BASELINE_PID="" DBS_BEFORE="" DBS_LISTED=0
cleanup() {
  local status=$?
  set +e
  log "Stopping everything this run started"
  stop_pid "$BASELINE_PID"
  if [ -n "$SUITE_PID" ]; then
    stop_pid "$SUITE_PID" 150   # its shutdown hook stops the four instances (each may write its class archive), the broker and the database
    for child in $SUITE_CHILDREN; do stop_pid "$child"; done
  fi
  # DBS_LISTED, not a non-empty DBS_BEFORE: on a cluster that had none of ours, every one of ours is this run's
  if [ "$DBS_LISTED" = 1 ]; then
    for db in $(list_dbs); do
      if ! grep -qx "$db" <<<"$DBS_BEFORE"; then psql -X -q -d postgres -c "drop database if exists \"$db\"" >/dev/null; fi
    done
  fi
  stop_pid "$EMBEDDED_PG_PID"
  if [ "$STARTED_PG_CLUSTER" = 1 ]; then pg_ctlcluster 15 main stop; fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# SIGTERM, then SIGKILL after a bounded wait
stop_pid() {
  local pid=$1 wait=${2:-30}
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 $((wait * 4))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL "$pid" 2>/dev/null || true
}

# waits (bounded) until a URL answers 200
await_ready() {
  local url=$1 seconds=$2 pid=${3:-}
  for _ in $(seq 1 $((seconds * 4))); do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")" = 200 ] && return 0
    sleep 0.25
  done
  return 1
}

list_dbs() { psql -X -At -d postgres -c "select datname from pg_database where datname like 'takedown\_%' or datname like 'bench\_%'"; }
# the postgres OS user must not inherit the benchmark role from PGUSER/PGHOST
as_postgres() { env -u PGHOST -u PGUSER -u PGPASSWORD -u PGPORT su postgres -c "$1"; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- prerequisites and build

for tool in java wrk pgbench psql python3 curl; do command -v $tool >/dev/null || die "$tool is missing (apt-get install wrk postgresql-client ...)"; done
for port in 5672 8081 8082 8083 8084 $BASELINE_PORT 8191 8192 8193 8194; do
  port_free $port || die "port $port is in use: stop whatever runs there (another ./takedown up?) and retry"
done

if [ "$BUILD" = 1 ]; then
  log "Building the service jars, the launcher and the baseline (package, tests skipped)"
  MODULES=common,testkit,hosting-service,appstore-service,notification-service,suite,bench/baseline-service
  ./mvnw -B -q -o package -DskipTests -pl $MODULES || ./mvnw -B -q package -DskipTests -pl $MODULES
fi
for jar in hosting-service appstore-service notification-service bench/baseline-service; do
  [ -f "$jar/target/quarkus-app/quarkus-run.jar" ] || die "$jar is not built: run without --no-build"
done
TOOLS_CP="$ROOT/hosting-service/target/quarkus-app/lib/main/*:$ROOT/suite/target/lib/*"
mkdir -p bench/target/tools
TOOLS=(bench/tools/BenchEvents.java bench/tools/OutboxFill.java bench/tools/PeerFeed.java bench/tools/EmbeddedPostgres.java)
javac -q -d bench/target/tools -cp "$TOOLS_CP" "${TOOLS[@]}" 2>/dev/null || javac -d bench/target/tools -cp "$TOOLS_CP" "${TOOLS[@]}"
TOOLS_CP="$ROOT/bench/target/tools:$TOOLS_CP"

# ---------------------------------------------------------------- PostgreSQL

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
if command -v pg_ctlcluster >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  if ! pg_lsclusters -h | grep -q '^15 *main .* online'; then
    log "Starting the system PostgreSQL 15 (max_connections 200: four services, the baseline and pgbench at once)"
    pg_ctlcluster 15 main start -- -o "-c max_connections=200 -c track_commit_timestamp=on"
    STARTED_PG_CLUSTER=1
  fi
  PG_PORT=$(pg_lsclusters -h | awk '$1==15 && $2=="main" {print $3}')
  as_postgres "psql -X -q -v ON_ERROR_STOP=1 -p $PG_PORT" >/dev/null <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$PG_USER') then
    create role $PG_USER login createdb password '$PG_PASSWORD';
  end if;
end \$\$;
SQL
  PG_DESC="system PostgreSQL $(as_postgres "psql -X -At -p $PG_PORT -c 'show server_version'")"
else
  log "No system PostgreSQL 15: starting an embedded one (testkit)"
  PG_PORT=15432
  java -cp "$TOOLS_CP" EmbeddedPostgres "$OUT/pgdata" $PG_PORT $PG_USER $PG_PASSWORD > "$OUT/embedded-postgres.log" 2>&1 &
  EMBEDDED_PG_PID=$!
  for _ in $(seq 1 240); do grep -q READY "$OUT/embedded-postgres.log" && break; kill -0 $EMBEDDED_PG_PID || die "embedded PostgreSQL failed; see $OUT/embedded-postgres.log"; sleep 0.25; done
  PG_DESC="embedded PostgreSQL (testkit, zonky) $(psql -X -At -p $PG_PORT -d postgres -c 'show server_version')"
fi
export PGPORT=$PG_PORT
DBS_BEFORE=$(list_dbs) DBS_LISTED=1
for db in bench_pgbench bench_baseline; do
  psql -X -q -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null
done

# ---------------------------------------------------------------- the suite and the baseline

# The launcher gives each instance 120 s to become ready. Four JVMs starting at once on a busy 2-core machine can
# take longer, so a failed start is retried (at most twice more).
start_suite() {
  TAKEDOWN_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" TAKEDOWN_PG_USER=$PG_USER TAKEDOWN_PG_PASSWORD=$PG_PASSWORD \
    java -Dtakedown.root="$ROOT" -jar suite/target/takedown-suite.jar up > "$OUT/suite.log" 2>&1 &
  SUITE_PID=$!
  for _ in $(seq 1 1200); do
    grep -q "The Takedown suite is running" "$OUT/suite.log" && return 0
    kill -0 $SUITE_PID 2>/dev/null || break
    sleep 0.25
  done
  stop_pid $SUITE_PID 60
  SUITE_PID=""
  return 1
}
for attempt in 1 2 3; do
  log "Starting the suite (PostgreSQL databases per instance, Artemis, aws/apple/google/notification), attempt $attempt"
  start_suite && break
  cp "$OUT/suite.log" "$OUT/suite-failed-$attempt.log"
  [ $attempt = 3 ] && die "the suite did not start three times; see $OUT/suite-failed-*.log and .local/logs/"
done
SUITE_CHILDREN=$(pgrep -P $SUITE_PID || true)
instance_pid() { for pid in $SUITE_CHILDREN; do tr '\0' '\n' < /proc/$pid/environ | grep -qx "TAKEDOWN_PROVIDER_ID=$1" && echo $pid; done; }
AWS_PID=$(instance_pid aws) APPLE_PID=$(instance_pid apple) GOOGLE_PID=$(instance_pid google) NOTIFICATION_PID=$(instance_pid notification)
db_of() { tr '\0' '\n' < /proc/$1/environ | sed -n 's|^QUARKUS_DATASOURCE_JDBC_URL=.*/\([^/?]*\).*|\1|p'; }
AWS_DB=$(db_of $AWS_PID) APPLE_DB=$(db_of $APPLE_PID) GOOGLE_DB=$(db_of $GOOGLE_PID)
# admin for set-up and statistics, reviewer for the decisions the propagation and fan-out figures make
ADMIN_TOKEN=$(java -jar suite/target/takedown-suite.jar token admin,reviewer --name bench-admin)
REPORTER_TOKEN=$(java -jar suite/target/takedown-suite.jar token reporter --name bench-reporter)

METRICS=($AWS $APPLE $GOOGLE $NOTIFICATION)
# waits until no instance is still consuming what the previous figure sent (bounded)
quiet() { "${BENCH[@]}" quiesce --metrics "${METRICS[@]}" --why "$1"; }

BASELINE_ENV=(QUARKUS_HTTP_PORT=$BASELINE_PORT
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench_baseline"
  QUARKUS_DATASOURCE_USERNAME=$PG_USER QUARKUS_DATASOURCE_PASSWORD=$PG_PASSWORD AMQP_HOST=127.0.0.1 AMQP_PORT=5672)

# ---------------------------------------------------------------- start-up and idle memory, before any load

"${BENCH[@]}" rss --state "idle (suite instance)" aws=$AWS_PID apple=$APPLE_PID google=$GOOGLE_PID notification=$NOTIFICATION_PID
mkdir -p "$OUT/startup" bench/target/startup-archives
# STARTUP_JAVA (a java binary), STARTUP_SET (K=V ...) and STARTUP_IDLE_SECONDS (from ready to the RSS reading)
# change the starts that follow
STARTUP_JAVA=java STARTUP_SET="" STARTUP_IDLE_SECONDS=5
startup_of() { # name jar port pid-or-empty variant [jvm args...]
  local name=$1 jar=$2 port=$3 pid=$4 variant=$5; shift 5
  local source=()
  if [ -n "$pid" ]; then source=(--env-of-pid "$pid"); else for kv in "${BASELINE_ENV[@]}"; do source+=(--set "$kv"); done; fi
  for kv in $STARTUP_SET; do source+=(--set "$kv"); done
  "${BENCH[@]}" startup --name "$name" --jar "$jar" --java "$STARTUP_JAVA" --port "$port" "${source[@]}" \
    --runs "$STARTUP_RUNS" --idle-seconds "$STARTUP_IDLE_SECONDS" --variant "$variant" --log "$OUT/startup/$name-$variant" -- "$@"
}
# async-profiler's agent library, from Maven Central (the first time), for this machine's architecture
ASYNC_PROFILER=tools.profiler:async-profiler:4.6:jar:linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
async_profiler() {
  local dir=bench/target/tools/async-profiler library
  library=$(find $dir -name libasyncProfiler.so 2>/dev/null | head -1)
  if [ -z "$library" ]; then
    ./mvnw -B -q -N -o dependency:copy -Dartifact=$ASYNC_PROFILER -DoutputDirectory=$dir >/dev/null 2>&1 ||
      ./mvnw -B -q -N dependency:copy -Dartifact=$ASYNC_PROFILER -DoutputDirectory=$dir >/dev/null 2>&1 || return 1
    (cd $dir && "$JDK_BIN/jar" xf async-profiler-*.jar) || return 1
    library=$(find $dir -name libasyncProfiler.so | head -1)
  fi
  [ -n "$library" ] && echo "$ROOT/$library"
}
# one training start that writes a class archive when it stops; its figures are not kept
train_archive() { # name jar port pid archive-option
  STARTUP_RUNS_SAVED=$STARTUP_RUNS; STARTUP_RUNS=1
  startup_of "$1" "$2" "$3" "$4" archive-training "${SHIPPED_OPTIONS[@]}" "$5" >/dev/null
  STARTUP_RUNS=$STARTUP_RUNS_SAVED
  sed -i '/"variant": "archive-training"/d' "$RESULTS"
}
# the JVM options the launcher gave the running aws instance (docs/operations.md, "JVM settings"), without its archive
mapfile -t SHIPPED_OPTIONS < <(tr '\0' '\n' < /proc/$AWS_PID/cmdline | sed -n '2,/^-jar$/p' | grep -v -e '^-jar$' \
  -e '^-XX:SharedArchiveFile=' -e '^-XX:ArchiveClassesAtExit=' -e '^-XX:AOTCache=' -e '^-XX:AOTCacheOutput=')
# the JDK the services run on, for its jcmd and jfr
JDK_BIN=$(dirname "$(readlink -f "$(command -v java)")")
JAVA25=${BENCH_JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if [ "$STARTUP" = 1 ]; then
log "Start-up and idle RSS: each jar started alone, $STARTUP_RUNS times, with a running instance's environment"
log "Shipped JVM options: ${SHIPPED_OPTIONS[*]} (and MALLOC_ARENA_MAX=2)"
declare -A JARS=([aws]=hosting-service [apple]=appstore-service [notification]=notification-service [baseline]=bench/baseline-service)
declare -A PIDS=([aws]=$AWS_PID [apple]=$APPLE_PID [notification]=$NOTIFICATION_PID [baseline]="")
declare -A PORTS=([aws]=8191 [apple]=8192 [notification]=8193 [baseline]=8194)
for name in aws apple notification baseline; do
  jar="${JARS[$name]}/target/quarkus-app/quarkus-run.jar"
  # the shipped configuration, as the launcher runs an instance from its second start on: the JVM options above and
  # the AppCDS archive its first start wrote
  STARTUP_SET="MALLOC_ARENA_MAX=2"
  archive="$ROOT/bench/target/startup-archives/$name.jsa"
  rm -f "$archive"
  train_archive $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" -XX:ArchiveClassesAtExit="$archive"
  if [ -f "$archive" ]; then
    startup_of $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" shipped "${SHIPPED_OPTIONS[@]}" -XX:SharedArchiveFile="$archive"
  else
    echo "bench/run.sh: the AppCDS training start of $name wrote no archive; its shipped figure is missing" >&2
  fi
  # as the images run it (round 12): on a JDK 25, with the AOT cache their build trains (deploy/jvm/train-class-archive.sh:
  # one start with nothing to reach, stopped once started), which a service has and the bare baseline has not (the
  # cache of its own first start stands in); and as round 11's images did, on Java 17 with the AppCDS archive the
  # same script trains there
  if [ "$name" != baseline ]; then
    for image in image-jdk17 image; do
      if [ $image = image ]; then
        [ -x "$JAVA25" ] || continue
        STARTUP_JAVA=$JAVA25 training_home=$(dirname "$(dirname "$JAVA25")") archive_option=-XX:AOTCache suffix=aot
      else
        STARTUP_JAVA=java training_home= archive_option=-XX:SharedArchiveFile suffix=jsa
      fi
      archive="$ROOT/bench/target/startup-archives/$name-$image.$suffix"
      if JAVA_HOME=$training_home bash deploy/jvm/train-class-archive.sh "$jar" "$archive" "${SHIPPED_OPTIONS[@]}" \
          > "$OUT/startup/$name-$image-training.log" 2>&1; then
        startup_of $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" $image "${SHIPPED_OPTIONS[@]}" $archive_option="$archive"
      else
        echo "bench/run.sh: the $image archive training of $name failed; see $OUT/startup/$name-$image-training.log" >&2
      fi
    done
    STARTUP_JAVA=java
  fi
  # the shipped options without any archive: how the images started before they trained one (round 11)
  startup_of $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" no-archive "${SHIPPED_OPTIONS[@]}"
  # the launcher's JVM settings before issue #7, for comparison (on today's aot-jar packaging, which without an archive
  # starts like the fast-jar did): no archive, the default initial heap and glibc's default of 8 malloc arenas per core
  STARTUP_SET="MALLOC_ARENA_MAX=$((8 * $(nproc)))"
  startup_of $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" old
  # the deployment option with a JDK 25: its AOT cache (classes loaded and linked, profiles) from one training start
  if [ -x "$JAVA25" ]; then
    STARTUP_JAVA=$JAVA25 STARTUP_SET="MALLOC_ARENA_MAX=2"
    archive="$ROOT/bench/target/startup-archives/$name.aot"
    rm -f "$archive"
    train_archive $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" -XX:AOTCacheOutput="$archive"
    if [ -f "$archive" ]; then
      startup_of $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" aot-cache-jdk25 "${SHIPPED_OPTIONS[@]}" -XX:AOTCache="$archive"
      # the same with the C1 compiler only: less to compile at start and a smaller code cache, at a cost in peak
      # throughput that the load figures do not measure, so it is not shipped
      startup_of $name "$jar" ${PORTS[$name]} "${PIDS[$name]}" aot-cache-jdk25+c1 "${SHIPPED_OPTIONS[@]}" \
        -XX:AOTCache="$archive" -XX:TieredStopAtLevel=1
    fi
    STARTUP_JAVA=java
  fi
  STARTUP_SET=""
done
# where a start goes: aws as the images run it (as shipped without a JDK 25), once under async-profiler's CPU sampling
# and once under its wall-clock sampling, each stopped once ready. JFR made the start it recorded 2.5 times as long
# (round 13).
log "Start-up profile of aws (async-profiler)"
if profiler=$(async_profiler); then
  image_cache="$ROOT/bench/target/startup-archives/aws-image.aot"
  if [ -x "$JAVA25" ] && [ -f "$image_cache" ]; then
    STARTUP_JAVA=$JAVA25 profiled=image archive_option=-XX:AOTCache="$image_cache"
  else
    profiled=shipped archive_option=-XX:SharedArchiveFile="$ROOT/bench/target/startup-archives/aws.jsa"
  fi
  declare -A SAMPLING_MS=([cpu]=1 [wall]=2)
  STARTUP_RUNS_SAVED=$STARTUP_RUNS STARTUP_RUNS=1 STARTUP_SET="MALLOC_ARENA_MAX=2" STARTUP_IDLE_SECONDS=0
  for event in cpu wall; do
    startup_of aws hosting-service/target/quarkus-app/quarkus-run.jar 8191 "$AWS_PID" profile "${SHIPPED_OPTIONS[@]}" \
      "$archive_option" -agentpath:"$profiler"=start,event=$event,interval=${SAMPLING_MS[$event]}ms,threads,collapsed,file="$OUT/startup-aws-$event.collapsed" >/dev/null
  done
  STARTUP_RUNS=$STARTUP_RUNS_SAVED STARTUP_JAVA=java STARTUP_SET="" STARTUP_IDLE_SECONDS=5
  sed -i '/"variant": "profile"/d' "$RESULTS"
  if [ -s "$OUT/startup-aws-cpu.collapsed" ] && [ -s "$OUT/startup-aws-wall.collapsed" ]; then
    "${BENCH[@]}" startup-profile --name aws --variant $profiled --cpu "$OUT/startup-aws-cpu.collapsed" \
      --cpu-interval-ms ${SAMPLING_MS[cpu]} --wall "$OUT/startup-aws-wall.collapsed" --wall-interval-ms ${SAMPLING_MS[wall]}
  else
    echo "bench/run.sh: the profiled starts of aws wrote no profile; see $OUT/startup/aws-profile.0" >&2
  fi
else
  echo "bench/run.sh: async-profiler ($ASYNC_PROFILER) could not be fetched; no start-up profile" >&2
fi
else
  "${BENCH[@]}" note --figure startup-skipped "skipped (--skip-startup)"
fi

log "Starting the baseline service"
env "${BASELINE_ENV[@]}" java -XX:+UseSerialGC -Xmx384m -jar bench/baseline-service/target/quarkus-app/quarkus-run.jar \
  > "$OUT/baseline.log" 2>&1 &
BASELINE_PID=$!
await_ready "$BASELINE/q/health/ready" 120 $BASELINE_PID || die "the baseline service did not start; see $OUT/baseline.log"

# ---------------------------------------------------------------- intake: pgbench, bare service, hosting

# one wrk run of a figure: its output goes to $OUT/FIGURE-RUN.txt
wrk_run() { # figure url script run seconds
  wrk -t$WRK_THREADS -c$CONNECTIONS -d${5}s --timeout 10s -s "$3" "$2" > "$OUT/$1-$4.txt" 2>&1 || true
}
# the peak RSS of a process until the figure's stop file appears
rss_sampler() { # figure name pid
  rm -f "$OUT/$1.rss-stop"
  "${BENCH[@]}" sample-rss --state "under $1 load" --stop-file "$OUT/$1.rss-stop" \
    --max-seconds $((3 * RUNS * DURATION + 300)) "$2=$3" &
}

if wants intake; then
# The three figures are warmed up, then run in rounds of one run each, so that the machine's drift over the minutes
# of the figure reaches all three alike (round 13: run one after the other, the bare service and intake could meet
# different machines).
log "Intake: pgbench, the bare REST + Panache insert and report intake at aws, $CONNECTIONS connections each"
psql -X -q -d bench_pgbench -c "create table bench_pg_row (id bigserial primary key, payload varchar(4000) not null, created_at timestamptz not null)"
INTAKE_RESOURCE=intake-$(date +%s).bench.example
PROBE=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$AWS/reports" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $REPORTER_TOKEN" -d '{}')
if [ "$PROBE" = 404 ] || [ "$PROBE" = 405 ] || [ "$PROBE" = 000 ]; then
  "${BENCH[@]}" note --figure intake "endpoint missing (POST /reports answered $PROBE)"
  INTAKE=0
else
  # one customer for the intake figure, and INTAKE_CUSTOMERS more for the spread one (h0.RESOURCE, h1.RESOURCE, ...)
  for host in $INTAKE_RESOURCE $(seq -f "h%g.$INTAKE_RESOURCE" 0 $((INTAKE_CUSTOMERS - 1))); do
    curl -s -o "$OUT/intake-customer-$host.json" --max-time 30 -X POST "$AWS/customers" \
      -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_TOKEN" \
      -d "{\"legalName\":\"Bench Intake $host\",\"domains\":[\"$host\"],\"resources\":[{\"hostname\":\"$host\"}]}" || true
  done
  INTAKE=1
fi
SPREAD=$(( INTAKE == 1 && INTAKE_CUSTOMERS > 1 ? 1 : 0 ))
export BENCH_TOKEN=$REPORTER_TOKEN BENCH_RESOURCE=$INTAKE_RESOURCE # read by post-report.lua
# the spread figure: the same script, each request for the next of the INTAKE_CUSTOMERS customers
spread_run() { BENCH_HOSTS=$INTAKE_CUSTOMERS wrk_run intake-spread "$AWS" bench/wrk/post-report.lua "$@"; }
log "Warm-up: pgbench $(( WARMUP < 10 ? WARMUP : 10 ))s, the bare service ${WARMUP}s, intake ${WARMUP}s"
pgbench -n -c $CONNECTIONS -j 2 -T $(( WARMUP < 10 ? WARMUP : 10 )) -f bench/pgbench/insert.sql bench_pgbench > "$OUT/pgbench-warmup.txt" 2>&1
wrk_run baseline-insert "$BASELINE" bench/wrk/post-row.lua warmup $WARMUP
[ $INTAKE = 0 ] || wrk_run intake "$AWS" bench/wrk/post-report.lua warmup $WARMUP
[ $SPREAD = 0 ] || spread_run warmup $(( WARMUP < 20 ? WARMUP : 20 ))
rss_sampler baseline-insert baseline $BASELINE_PID; BASELINE_SAMPLER=$!
[ $INTAKE = 0 ] || { rss_sampler intake aws $AWS_PID; AWS_SAMPLER=$!; }
PG_FILES=() BASELINE_FILES=() INTAKE_FILES=() SPREAD_FILES=()
for run in $(seq 1 "$RUNS"); do
  log "Round $run of $RUNS: pgbench, the bare service, intake, intake over $INTAKE_CUSTOMERS customers, ${DURATION}s each"
  pgbench -n -c $CONNECTIONS -j 2 -T $DURATION -f bench/pgbench/insert.sql bench_pgbench > "$OUT/pgbench-$run.txt" 2>&1 || true
  PG_FILES+=("$OUT/pgbench-$run.txt")
  wrk_run baseline-insert "$BASELINE" bench/wrk/post-row.lua $run $DURATION
  BASELINE_FILES+=("$OUT/baseline-insert-$run.txt")
  if [ $INTAKE = 1 ]; then
    wrk_run intake "$AWS" bench/wrk/post-report.lua $run $DURATION
    INTAKE_FILES+=("$OUT/intake-$run.txt")
  fi
  if [ $SPREAD = 1 ]; then
    spread_run $run $DURATION
    SPREAD_FILES+=("$OUT/intake-spread-$run.txt")
  fi
done
touch "$OUT/baseline-insert.rss-stop" "$OUT/intake.rss-stop"
wait $BASELINE_SAMPLER ${AWS_SAMPLER:-} || true
"${BENCH[@]}" pgbench "${PG_FILES[@]}"
"${BENCH[@]}" wrk --figure baseline-insert "${BASELINE_FILES[@]}"
[ $INTAKE = 0 ] || "${BENCH[@]}" wrk --figure intake "${INTAKE_FILES[@]}"
[ $SPREAD = 0 ] || "${BENCH[@]}" wrk --figure intake-spread --customers $INTAKE_CUSTOMERS "${SPREAD_FILES[@]}"
fi # intake

# ---------------------------------------------------------------- propagation, fan-out, statistics

if wants propagation; then
# with commit times kept (set when this script starts the cluster), a latency ends at the commit that opened the review
STORE_DBS=()
if [ "$(psql -X -At -d postgres -c 'show track_commit_timestamp')" = on ]; then
  STORE_DBS=(--store-dbs apple=$APPLE_DB google=$GOOGLE_DB)
else
  log "PostgreSQL keeps no commit times (track_commit_timestamp): propagation latencies end at the stores' inbox record"
fi
log "Propagation aws decision → review at apple and google (${PROP_RATES// //s, }/s, ${PROP_SECONDS}s each)"
"${BENCH[@]}" propagation --aws $AWS --apple $APPLE --google $GOOGLE --admin-token "$ADMIN_TOKEN" "${STORE_DBS[@]}" \
  --metrics "${METRICS[@]}" --rates $PROP_RATES --seconds $PROP_SECONDS --drain-seconds $((PROP_SECONDS + 30)) \
  --warmup-seconds $PROP_WARMUP --warmup-rate $PROP_WARMUP_RATE \
  --pids aws=$AWS_PID apple=$APPLE_PID google=$GOOGLE_PID notification=$NOTIFICATION_PID broker+launcher=$SUITE_PID
# the same path one hop at a time, each with only its own service running, as on cores of their own
log "Propagation hop by hop: aws alone, then apple alone (${HOP_RATES// //s, }/s, ${PROP_SECONDS}s each)"
"${BENCH[@]}" propagation-hops --aws $AWS --apple $APPLE --google $GOOGLE --admin-token "$ADMIN_TOKEN" "${STORE_DBS[@]}" \
  --metrics "${METRICS[@]}" --rates $HOP_RATES --seconds $PROP_SECONDS --drain-seconds $((PROP_SECONDS + 30)) \
  --java "$JDK_BIN/java" --tools-cp "$TOOLS_CP" \
  --pids aws=$AWS_PID apple=$APPLE_PID google=$GOOGLE_PID notification=$NOTIFICATION_PID broker+launcher=$SUITE_PID
fi # propagation

if wants fanout; then
log "Fan-out: one decision, $FANOUT_LISTINGS listings at each store"
FANOUT=("${BENCH[@]}" fanout --aws $AWS --apple $APPLE --google $GOOGLE --admin-token "$ADMIN_TOKEN"
  --apple-db "$APPLE_DB" --google-db "$GOOGLE_DB" --listings $FANOUT_LISTINGS --evidence $FANOUT_EVIDENCE --metrics "${METRICS[@]}")
"${FANOUT[@]}" --runs "$RUNS"
# profiled apart from the timed runs: under JFR apple took 0.6-2.5 s longer than google in every timed run
log "Fan-out once more, untimed, with apple under JFR"
"$JDK_BIN/jcmd" $APPLE_PID JFR.start name=bench-fanout settings=profile filename="$OUT/fanout-apple.jfr" >/dev/null
"${FANOUT[@]}" --untimed
"$JDK_BIN/jcmd" $APPLE_PID JFR.stop name=bench-fanout >/dev/null
"${BENCH[@]}" profile --name "apple during the fan-out" --jfr "$JDK_BIN/jfr" "$OUT/fanout-apple.jfr"

fi # fanout

# ---------------------------------------------------------------- outbox relay vs Emitter.send
if wants relay; then

log "Outbox relay against Emitter.send: $RELAY_EVENTS signed events a run, $RELAY_WARMUPS warm-ups of each, then $RUNS rounds of one run each"
relay_once() { # prints the relay's rate in events/s (empty if it did not send them all), and its cadence to $OUT
  local ready="$OUT/relay-watch.ready" watch="$OUT/relay-watch.json"
  rm -f "$ready"
  "${BENCH[@]}" relay-watch --metrics $AWS --events $RELAY_EVENTS --ready "$ready" > "$watch" &
  local watcher=$!
  for _ in $(seq 1 100); do [ -f "$ready" ] && break; sleep 0.1; done
  java -cp "$TOOLS_CP" OutboxFill db "jdbc:postgresql://127.0.0.1:$PG_PORT/$AWS_DB" $PG_USER $PG_PASSWORD aws $RELAY_EVENTS >/dev/null
  wait $watcher
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1])).get("rate"); print(r if r else "")' "$watch"
}
emit_once() { # prints the rate at which the broker acknowledged the file's events (empty if any failed)
  "${BENCH[@]}" emit-once --url "$BASELINE" --source aws "$1"
}
EMIT_FILES=()
for run in $(seq 1 $((RELAY_WARMUPS + RUNS))); do
  java -cp "$TOOLS_CP" OutboxFill file "$OUT/emit-$run.txt" aws $RELAY_EVENTS
  EMIT_FILES+=("$OUT/emit-$run.txt")
done
# For the relay and the baseline alike: every run starts once the consumers have taken in the one before (else it
# shares the two cores with their backlog: round 4 swung from 4,746 to 9,038 events/s within one figure), after
# several warm-ups (after one, a relay-only run still sped up run by run, 3,154 to 6,352 events/s: the JIT at work).
# The timed runs alternate, one of each per round, so that the machine's drift reaches both alike (until round 15
# all relay runs came first, and the baseline alone moved by 21 % between two runs of the same code).
for run in $(seq 1 "$RELAY_WARMUPS"); do
  quiet "before relay warm-up $run"; relay_once > /dev/null
  quiet "before Emitter.send warm-up $run"; emit_once "${EMIT_FILES[$((run - 1))]}" > /dev/null
done
RELAY_RATES=() EMIT_RATES=()
for run in $(seq 1 "$RUNS"); do
  quiet "before relay run $run"; RELAY_RATES+=("$(relay_once)")
  quiet "before Emitter.send run $run"; EMIT_RATES+=("$(emit_once "${EMIT_FILES[$((RELAY_WARMUPS + run - 1))]}")")
done
UNSENT=$(psql -X -At -d "$AWS_DB" -c "select count(*) from outbox_event")
"${BENCH[@]}" relay-rounds --unsent "$UNSENT" --relay "${RELAY_RATES[@]}" --emitter "${EMIT_RATES[@]}"
log "Outbox relay once more under JFR, and the relay's batch cadence"
quiet "before the profiled relay run"
"$JDK_BIN/jcmd" $AWS_PID JFR.start name=bench-relay settings=profile filename="$OUT/relay-aws.jfr" >/dev/null
relay_once >/dev/null
"$JDK_BIN/jcmd" $AWS_PID JFR.stop name=bench-relay >/dev/null
"${BENCH[@]}" profile --name "aws during the relay run" --jfr "$JDK_BIN/jfr" "$OUT/relay-aws.jfr"
python3 -c 'import json, sys; w = json.load(open(sys.argv[1]))
print("%s steps of the sent counter, a median %s ms apart" % (w["increments"], w["medianGapMs"]))' "$OUT/relay-watch.json" \
  | { read -r text; "${BENCH[@]}" note --figure relay-cadence --status measured "$text"; }

fi # relay

if wants stats; then
log "Statistics over $STATS_ROWS reports"
if [ "$(psql -X -At -d "$AWS_DB" -c "select to_regclass('abuse_report') is not null")" != t ]; then
  "${BENCH[@]}" note --figure stats "endpoint missing (hosting has no abuse_report table yet)"
elif [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$AWS/stats" -H "Authorization: Bearer $ADMIN_TOKEN")" != 200 ]; then
  "${BENCH[@]}" note --figure stats "endpoint missing (GET /stats did not answer 200)"
else
  if [ "$(psql -X -At -d "$AWS_DB" -c "select count(*) > 0 from abuse_report")" != t ]; then
    # the intake figure did not run: one report through the API, so that every constraint of the clones holds
    SEED=seed-$(date +%s).bench.example
    curl -s -o /dev/null --max-time 30 -X POST "$AWS/customers" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $ADMIN_TOKEN" \
      -d "{\"legalName\":\"Bench Stats $(date +%s)\",\"domains\":[\"$SEED\"],\"resources\":[{\"hostname\":\"$SEED\"}]}"
    curl -s -o /dev/null --max-time 30 -X POST "$AWS/reports" -H 'Content-Type: application/json' \
      -H "Authorization: Bearer $REPORTER_TOKEN" -d "{\"reporterType\":\"USER\",\"contentUrl\":\"https://$SEED/post/1\",
        \"evidenceSha256\":\"$(printf %064d 0)\",\"observedAt\":\"2021-01-08T10:00:00Z\",\"category\":\"VIOLENCE_INCITEMENT\"}"
  fi
  # clone one real report (so every foreign key and constraint holds) across a year, categories and reporters
  psql -X -q -d "$AWS_DB" -v ON_ERROR_STOP=1 <<SQL
do \$\$ declare cols text; vals text; begin
  select string_agg(quote_ident(column_name), ','),
         string_agg(case column_name
           when 'content_url' then 'r.content_url || ''/seed/'' || n'
           when 'reporter_key' then '''seed:'' || (n % 5000)'
           when 'category' then '(array[''VIOLENCE_INCITEMENT'',''ILLEGAL_SPEECH'',''SCAMS_FRAUD'',''MALWARE'',''SPAM''])[1 + n % 5]'
           when 'received_at' then 'timestamptz ''2020-06-01'' + n * interval ''31 seconds'''
           when 'observed_at' then 'timestamptz ''2020-06-01'' + n * interval ''31 seconds'' - interval ''1 hour'''
           else 'r.' || quote_ident(column_name) end, ',')
    into cols, vals
    from information_schema.columns
   where table_name = 'abuse_report' and table_schema = current_schema() and column_name <> 'id';
  execute format('insert into abuse_report (%s) select %s from (select * from abuse_report order by id limit 1) r,
                  generate_series(1, $STATS_ROWS - (select count(*) from abuse_report)) n', cols, vals);
end \$\$;
-- what autovacuum would long have done to a year of reports and the decisions the figures before took: otherwise
-- it vacuums them (and sets the hint bits of a million new rows) while the queries are timed
vacuum analyze;
SQL
  quiet "before statistics"
  "${BENCH[@]}" stats --aws $AWS --admin-token "$ADMIN_TOKEN" --rows "$(psql -X -At -d "$AWS_DB" -c 'select count(*) from abuse_report')" --runs "$RUNS"
fi

fi # stats

# ---------------------------------------------------------------- the report

log "Writing $OUTPUT"
python3 - "$OUT/meta.json" <<EOF
import json, sys
json.dump({
  "command": "$COMMAND", "when": "$(date -u +%Y-%m-%dT%H:%MZ)", "commit": "$(git rev-parse --short HEAD)",
  "nproc": "$(nproc)", "cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)",
  "memory": "$(free -h | awk '/^Mem:/ {print $2}')", "jdk": "$(java -version 2>&1 | sed -n 2p)",
  "os": "$(. /etc/os-release && echo "$PRETTY_NAME")", "load": "$LOAD_AT_START",
  "shared_note": "${BENCH_SHARED_NOTE:-2 cores shared by the services, PostgreSQL, the broker and the load generator, plus whatever else runs on the machine; compare ratios, not absolute figures}",
  "postgres": "$PG_DESC", "wrk_threads": $WRK_THREADS, "warmup": $WARMUP, "duration": $DURATION, "runs": $RUNS,
  "prop_seconds": $PROP_SECONDS, "prop_warmup": $PROP_WARMUP, "prop_warmup_rate": $PROP_WARMUP_RATE, "startup_runs": $STARTUP_RUNS, "stats_rows": $STATS_ROWS}, open(sys.argv[1], "w"), indent=1)
EOF
"${BENCH[@]}" render --meta "$OUT/meta.json" --output "$OUTPUT" --notes "$ROOT/bench/NOTES.md"
log "Done. Raw outputs in ${OUT#$ROOT/}"
