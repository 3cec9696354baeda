"""Where a run's CPU time goes, from the execution samples of a Java Flight Recorder file.

Each sample (a Java thread seen running on a CPU) is charged to the innermost Postbinder frame's
stage (crawl, extract, clean, store, export, ...) and refined by the library running under it: the
database (H2, PostgreSQL, Hikari, Spring JDBC), the network (sockets, the HTTP client), PDF
writing (iText), HTML parsing (jsoup), JSON (Jackson), language detection. Samples with no
Postbinder frame are startup (Spring's context, Flyway), Spring Batch's own bookkeeping, the HTTP
client's selector thread, or other. Usage: cpu-profile.py <recording.jfr>
"""
import collections
import re
import subprocess
import sys

BELOW = [("org.h2.", "database"), ("org.postgresql.", "database"), ("com.zaxxer.hikari", "database"),
         ("org.springframework.jdbc", "database"), ("sun.nio.ch.", "network"), ("java.net.", "network"),
         ("jdk.internal.net.http", "network"), ("com.itextpdf", "PDF (iText)"), ("org.jsoup", "HTML parsing (jsoup)"),
         ("tools.jackson", "JSON (Jackson)"), ("com.optimaize", "language detection"),
         ("java.util.regex", "regular expressions")]
STAGE = re.compile(r"^org\.postbinder\.([a-z]\w*)\.")


def charge(frames):
    innermost = next((i for i, frame in enumerate(frames) if STAGE.match(frame)), None)
    if innermost is None:
        if any("SpringApplication" in f or "AbstractApplicationContext.refresh" in f for f in frames):
            return "startup (Spring context, Flyway)"
        if any(f.startswith("org.springframework.batch") for f in frames):
            return "Spring Batch (job repository, chunk bookkeeping)"
        if any(f.startswith("jdk.internal.net.http") for f in frames):
            return "HTTP client (its own threads)"
        if any(f.startswith("org.h2.") for f in frames):
            return "database (H2's own threads)"
        top = frames[0] if frames else "no stack"
        return "other: " + ".".join(top.split("(")[0].split(".")[:3])
    stage = STAGE.match(frames[innermost]).group(1)
    detail = next((name for f in frames[:innermost] for prefix, name in BELOW if f.startswith(prefix)), None)
    return stage + (" / " + detail if detail else "")


def samples(recording):
    printed = subprocess.run(["jfr", "print", "--stack-depth", "512", "--events", "jdk.ExecutionSample", recording],
                             check=True, capture_output=True, text=True).stdout
    for event in printed.split("jdk.ExecutionSample {")[1:]:
        lines = [line.strip() for line in event.split("stackTrace = [", 1)[-1].splitlines()]
        # frames until the line that closes the list (signatures hold brackets too: "byte[], int")
        yield [line for line in lines[:lines.index("]")] if line and line != "..."]


def main(recording):
    counts = collections.Counter(charge(frames) for frames in samples(recording))
    total = sum(counts.values()) or 1
    print(f"CPU profile: {total} execution samples (Java Flight Recorder, every 10-20 ms of a running thread)")
    for what, n in counts.most_common(16):
        print(f"  {100.0 * n / total:5.1f} %  {what}")


if __name__ == "__main__":
    main(sys.argv[1])
