#!/usr/bin/env bash
# Trains the class archive a service's JVM maps at every later start (docs/operations.md, "JVM settings"), where
# there is no database or broker to reach: in an image build (each Dockerfile.jvm).
#
#   train-class-archive.sh JAR ARCHIVE [JVM OPTIONS...]
#
# One start of JAR with the JVM options it will run with, stopped (SIGTERM) as soon as Quarkus says it has started;
# the JVM writes the archive as it exits: a dynamic AppCDS archive on Java 17 to 24, an AOT cache (JEP 483/514/515) on
# 25 and later. The start reaches nothing: the database and the broker point at a closed port, and the migration and
# the schema check (which need the database) are skipped, so every class the rest of a start loads is archived. The
# signing key pair is a throwaway one, made for this start by the service's own key tool. The heap is bounded
# unless the options say otherwise: on a build host with over 128 GB the JVM's default heap would switch compressed
# object pointers off, and the archive would not match the JVM in the container. Exits non-zero when no
# archive was written, so that a build does not ship without one unnoticed.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 JAR ARCHIVE [JVM OPTIONS...]" >&2
  exit 2
fi
jar=$1 archive=$2
shift 2
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
started_within=${TRAINING_TIMEOUT_SECONDS:-180}
closed_host=127.0.0.1 closed_port=1 # nothing listens there

feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if [ "${feature%%.*}" -ge 25 ]; then record=-XX:AOTCacheOutput=$archive; else record=-XX:ArchiveClassesAtExit=$archive; fi

keys=$("$java" -cp "$(dirname "$jar")/lib/main/*" org.takedown.common.signing.Ed25519Keys)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
rm -f "$archive"

TAKEDOWN_SIGNING_PRIVATE_KEY=$(sed -n 's/^private-key=//p' <<<"$keys") \
TAKEDOWN_SIGNING_PUBLIC_KEY=$(sed -n 's/^public-key=//p' <<<"$keys") \
"$java" -Xmx384m "$@" "$record" \
  -Dquarkus.http.port=0 \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$closed_host:$closed_port/training" \
  -Dquarkus.flyway.migrate-at-start=false \
  -Dquarkus.hibernate-orm.schema-management.strategy=none \
  -Damqp-host=$closed_host -Damqp-port=$closed_port \
  -jar "$jar" >"$log" 2>&1 &
pid=$!

for _ in $(seq $((started_within * 5))); do
  grep -q ' started in ' "$log" && break
  kill -0 $pid 2>/dev/null || break
  sleep 0.2
done
if ! grep -q ' started in ' "$log"; then
  kill -KILL $pid 2>/dev/null || true
  echo "train-class-archive: $jar did not start within ${started_within}s; its output:" >&2
  grep -v '\[cds\]' "$log" | tail -40 >&2
  exit 1
fi
kill -TERM $pid
wait $pid || true # SIGTERM's exit status

if [ ! -s "$archive" ]; then
  echo "train-class-archive: $jar started, but the JVM wrote no archive at $archive; its output:" >&2
  tail -40 "$log" >&2
  exit 1
fi
echo "train-class-archive: $(du -h "$archive" | cut -f1) archive of $jar at $archive"
