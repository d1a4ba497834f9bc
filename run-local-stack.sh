#!/usr/bin/env bash
# Starts the whole Channel Hub system: Kafka (KRaft), the schema registry, SMTP + mail viewer, the four services.
#   ./run-local-stack.sh --demo        start and play the demo scenario
#   ./run-local-stack.sh --prometheus  also start Prometheus (if installed) with ops/prometheus's rules
#   ./run-local-stack.sh --port-offset=1000  a second stack beside the first: every port + 1000, own data dir
#   ./run-local-stack.sh --help        all options (ports, --data-dir, --wipe, --tick-period)
# Builds local-stack and the modules it needs first when a source or pom changed since the last build.
set -euo pipefail
# Started in the background by a script, a shell has SIGINT ignored, and an ignored signal cannot be trapped:
# start once more with the default dispositions (GNU env; elsewhere SIGTERM still works).
if [[ -z ${CHANNELHUB_STACK_SIGNALS:-} ]] && env --default-signal=INT true 2>/dev/null; then
    CHANNELHUB_STACK_SIGNALS=default exec env --default-signal=INT,TERM,HUP "$BASH" "$0" "$@"
fi
cd "$(dirname "$0")"

# SIGTERM, SIGINT or SIGHUP to this script, however it was started (Ctrl-C, kill, timeout, a process manager, in
# the background), reach whatever it runs as SIGTERM, and the script waits for it to finish. Not exec: a
# background job of a non-interactive shell has SIGINT ignored, and a JVM keeps an ignored signal ignored.
child=
forward() {
    [[ -z $child ]] || kill -TERM "$child" 2>/dev/null || true
}
trap forward TERM INT HUP

# Runs a command in the background and waits until it has ended (a trapped signal interrupts wait; the stack's
# shutdown hook then still takes a few seconds); returns its status.
run() {
    "$@" &
    child=$!
    local status=0
    wait "$child" || status=$?
    while kill -0 "$child" 2>/dev/null; do
        status=0
        wait "$child" || status=$?
    done
    child=
    return "$status"
}

classpath_file=local-stack/target/classpath.txt

needs_build() {
    [[ -f $classpath_file ]] || return 0
    [[ -f local-stack/target/apicurio-registry/quarkus-run.jar ]] || return 0
    [[ -z $(find . -path ./.local-stack -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
            -newer "$classpath_file" -print -quit) ]] || return 0
    # a module cleaned since the last build: its jar is gone
    local entry IFS=:
    for entry in $(<"$classpath_file"); do
        [[ -e $entry ]] || return 0
    done
    return 1
}

if needs_build; then
    echo "Building local-stack and the modules it needs (tests skipped)..."
    run ./mvnw -B -q -pl local-stack -am package -DskipTests
    # the classpath file is rewritten only when the classpath changed: mark this build as the last one
    touch "$classpath_file"
fi

# A plain JVM (not mvn exec:java): SIGTERM goes straight to the stack's shutdown hook.
run "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Dchannelhub.apicurio.home=local-stack/target/apicurio-registry \
    -cp "local-stack/target/classes:$(<"$classpath_file")" \
    io.channelhub.localstack.LocalStack "$@"
