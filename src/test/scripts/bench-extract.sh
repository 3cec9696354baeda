#!/bin/sh
# Extraction benchmark (JMH, one thread): pages/s of plain jsoup parsing, of Postbinder's extract +
# clean and of readability4j over the labelled extraction corpus, their ratios, and the body F1 of
# both extractors on the same pages. Takes about three minutes.
# Usage: src/test/scripts/bench-extract.sh
#        src/test/scripts/bench-extract.sh -prof gc      (JMH options are passed on: -prof stack, -f 2, -wi 3, ...)
#        src/test/scripts/bench-extract.sh -prof stack 'ExtractionBenchmark.postbinder'   (one benchmark)
set -e
cd "$(dirname "$0")/../../.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
sed -n 's/^model name[[:space:]]*: /cpu: /p' /proc/cpuinfo 2>/dev/null | head -n 1
exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.postbinder.bench.ExtractionBenchmarkReport "$@"
