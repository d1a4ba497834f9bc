#!/usr/bin/env bash
# Starts the whole Channel Hub system in one JVM: Kafka (KRaft), SMTP + mail viewer, the four services.
#   ./run-local-stack.sh --demo        start and play the demo scenario
#   ./run-local-stack.sh --prometheus  also start Prometheus (if installed) with ops/prometheus's rules
#   ./run-local-stack.sh --help        all options (ports, --data-dir, --wipe, --tick-period)
# Builds local-stack and the modules it needs first when a source or pom changed since the last build.
set -euo pipefail
cd "$(dirname "$0")"

classpath_file=local-stack/target/classpath.txt

needs_build() {
    [[ -f $classpath_file ]] || return 0
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
    ./mvnw -B -q -pl local-stack -am package -DskipTests
fi

# A plain JVM (not mvn exec:java): Ctrl-C goes straight to the stack's shutdown hook.
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "local-stack/target/classes:$(<"$classpath_file")" \
    io.channelhub.localstack.LocalStack "$@"
