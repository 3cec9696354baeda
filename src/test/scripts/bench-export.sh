#!/bin/sh
# Export benchmark: writes N generated posts to every archive format in a 512 MB heap and prints
# posts/s, the ratio to a plain-text baseline, the peak heap and the file size for each.
# Usage: src/test/scripts/bench-export.sh 10000 100000
#        BENCH_FORMATS=csv,json,jsonl,pdf-volume src/test/scripts/bench-export.sh 100000   (some formats only)
set -e
[ $# -eq 0 ] && set -- 10000
cd "$(dirname "$0")/../../.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -Xmx512m -Dbench.formats="${BENCH_FORMATS:-}" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.postbinder.bench.ExportBenchmark "$@"
