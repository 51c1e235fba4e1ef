#!/bin/sh
# Starts a KRaft broker the way the public apache/kafka image does from its environment: every
# KAFKA_<NAME> variable (except the JVM's own KAFKA_*_OPTS) becomes the server property <name> with
# underscores read as dots, CLUSTER_ID formats the log directory once, KAFKA_HEAP_OPTS sizes the heap.
set -eu
libs=/opt/kafka/libs
conf=/tmp/server.properties
: >"$conf"
env | while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_JMX_OPTS) ;;
    KAFKA_*) printf '%s=%s\n' "$(printf '%s' "${name#KAFKA_}" | tr 'A-Z_' 'a-z.')" "$value" >>"$conf" ;;
  esac
done
java -cp "$libs/*" kafka.tools.StorageTool format -t "${CLUSTER_ID:?CLUSTER_ID is required}" -c "$conf" \
  --ignore-formatted >/dev/null
# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM options
exec java ${KAFKA_HEAP_OPTS:-} -XX:+UseG1GC -Djava.awt.headless=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$libs/*" kafka.Kafka "$conf"
