#!/bin/sh
# Export job benchmark, end to end: for each size, stores that many generated posts (realistic
# lengths, several scripts, 15 % with photos in the media store) in a fresh H2 home, runs
# `postbinder export` on it to CSV, JSON, JSON Lines and the PDF volume in a JVM with -Xmx512m,
# and prints posts/s per format, the heap, the file sizes and how the time grew with the size.
# On the project's busy 2-core machine 10,000 posts take 2 to 5 minutes; 100,000 take 12 to 25 and
# 7 GB of temporary disk (each home is deleted once measured). Figures: README, "Export job benchmark".
# Usage: src/test/scripts/bench-export-job.sh 10000 100000
#        BENCH_HEAP=256m src/test/scripts/bench-export-job.sh 10000     (another heap for the export)
#        BENCH_KEEP=true src/test/scripts/bench-export-job.sh 200        (keep the home: its path is printed)
set -e
[ $# -eq 0 ] && set -- 10000
cd "$(dirname "$0")/../../.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -Xmx2g -Dbench.heap="${BENCH_HEAP:-512m}" -Dbench.keep="${BENCH_KEEP:-false}" \
  -cp "$PWD/target/classes:$PWD/target/test-classes:$(cat target/bench.classpath)" \
  org.postbinder.bench.ExportJobBenchmark "$@"
