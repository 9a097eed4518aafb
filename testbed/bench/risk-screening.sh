#!/usr/bin/env bash
# What the synchronous risk check adds to a payment: RiskControl's in-memory screening with the
# default rules against a large snapshot, one call at a time (RiskScreeningBenchmark). Prints
# percentiles in nanoseconds; asserts nothing. Usage: testbed/bench/risk-screening.sh [calls]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o test-compile -pl ejb-module -am
CP="ejb-module/target/test-classes:ejb-module/target/classes:$(./mvnw -B -q -o -pl ejb-module dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
exec java -cp "$CP" io.tillpoint.application.RiskScreeningBenchmark "${1:-2000000}"
