#!/bin/bash
# End-to-end benchmark: a generated WordPress-like blog of N posts written as static files and served
# by nginx on 127.0.0.1; first `wget --recursive` fetches it (the network and disk floor), then
# `postbinder run` crawls, extracts, stores and exports it to every format (CSV, JSON, JSON Lines,
# PDF volume) on embedded H2 in a 512 MB heap, politeness off. Prints, for each size: pages/s,
# CPU seconds per page and peak RSS of both, the ratio of their times, and the time of each step.
# Usage: src/test/scripts/bench-e2e.sh 1000 10000
#        BENCH_CONCURRENCY=1 src/test/scripts/bench-e2e.sh 1000    (fetches at once; default 2)
#        BENCH_FORMATS=csv,json src/test/scripts/bench-e2e.sh 10000  (fewer formats; default all)
#        BENCH_KEEP=1 src/test/scripts/bench-e2e.sh 1000             (keep the site, logs and archive)
#        BENCH_PROFILE=1 src/test/scripts/bench-e2e.sh 1000          (also record the run with Java Flight Recorder and
#                                                                      print where its CPU time goes, by stage)
# Needs nginx (installed from Debian's packages when missing and run as root) and GNU time.
set -euo pipefail
[ $# -eq 0 ] && set -- 1000
cd "$(dirname "$0")/../../.."
repo=$PWD
concurrency=${BENCH_CONCURRENCY:-2}
formats=${BENCH_FORMATS:-csv,json,jsonl,pdf}

if ! command -v nginx >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx >/dev/null
fi
mvn -q -B package -DskipTests
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
classpath="target/classes:target/test-classes:$(cat target/bench.classpath)"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
  "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); $(java -version 2>&1 | head -n 1)"
echo "postbinder: -Xmx512m, embedded H2, concurrency $concurrency, connections per host $concurrency, formats $formats"

# GNU time's figures of one command: "elapsed-seconds cpu-seconds peak-rss-kb" (wget exits non-zero
# for the 404s of links the blog has to pages it lacks; the run's own result is checked below)
timed() {
  local out=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$@" >"$out.log" 2>&1 || true
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$out.time"
}

for posts in "$@"; do
  work=$(mktemp -d /tmp/postbinder-e2e.XXXXXX)
  chmod 755 "$work"   # nginx's workers read the site as another user
  java -cp "$classpath" org.postbinder.bench.StaticBlog "$posts" "$work/site" >/dev/null
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  server { listen 127.0.0.1:$port; root $work/site; }
}
EOF
  nginx -c "$work/nginx.conf" -p "$work" &
  nginx_pid=$!
  trap 'kill $nginx_pid 2>/dev/null || true' EXIT
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done

  read -r wget_s wget_cpu wget_rss < <(cd "$work" && timed "$work/wget" wget -q --recursive --level=inf --no-parent \
    --reject-regex '/(category|author|about)/' -P "$work/wget-copy" "http://127.0.0.1:$port/blog/")
  wget_pages=$(find "$work/wget-copy" -name '*.html' 2>/dev/null | wc -l)
  [ "$wget_pages" -gt 0 ] || { echo "wget fetched nothing: $work/wget.log, $work/nginx-error.log" >&2; exit 1; }

  cat >"$work/bench.yml" <<EOF
name: bench
sources:
  start-urls: [http://127.0.0.1:$port/blog/]
scope:
  exclude: ['/category/', '/author/', '/about/']
  max-pages: 10000000
  max-per-pattern: 10000000
crawl:
  allowed-networks: [127.0.0.1/32]
  concurrency: $concurrency
  connections-per-host: $concurrency
export:
  formats: [$formats]
EOF
  profile=()
  [ -z "${BENCH_PROFILE:-}" ] || profile=("-XX:FlightRecorderOptions=stackdepth=512"
    "-XX:StartFlightRecording=filename=$work/run.jfr,settings=profile")
  read -r run_s run_cpu run_rss < <(cd "$work" && timed "$work/run" java -Xmx512m "${profile[@]}" -jar "$repo/target/postbinder.jar" \
    run bench.yml --logging.level.org.springframework.batch.core.step.AbstractStep=INFO)
  grep -q ': COMPLETED' "$work/run.log" || { echo "the run did not complete: $work/run.log" >&2; tail -n 30 "$work/run.log" >&2; exit 1; }
  stored=$(sed -n 's/^ *posts in store *\([0-9]*\).*/\1/p' "$work/run.log")
  fetched=$(sed -n 's/^ *fetched *\([0-9]*\).*/\1/p' "$work/run.log")

  echo
  echo "== $posts posts: $fetched pages fetched, $stored posts stored; $wget_pages pages by wget"
  awk -v n="$fetched" -v s="$run_s" -v c="$run_cpu" -v r="$run_rss" -v wn="$wget_pages" -v ws="$wget_s" \
      -v wc="$wget_cpu" -v wr="$wget_rss" 'BEGIN {
    printf "%-22s %9s %10s %14s %12s\n", "", "time s", "pages/s", "CPU ms/page", "peak RSS MB"
    printf "%-22s %9.1f %10.1f %14.2f %12.0f\n", "wget --recursive", ws, wn / ws, wc * 1000 / wn, wr / 1024
    printf "%-22s %9.1f %10.1f %14.2f %12.0f\n", "postbinder run", s, n / s, c * 1000 / n, r / 1024
    printf "postbinder takes %.1f times as long as wget\n", s / ws
  }'
  echo "steps (from the log):"
  sed -n 's/.*Step: \[\([A-Za-z]*\)\] executed in \(.*\)$/  \1 \2/p' "$work/run.log"
  du -sh "$work"/output/bench/2* 2>/dev/null | awk '{print "archive " $1}'
  [ -n "${BENCH_PROFILE:-}" ] && python3 "$repo/src/test/scripts/cpu-profile.py" "$work/run.jfr"

  kill "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  trap - EXIT
  [ -n "${BENCH_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
done
