package org.postbinder.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The export job end to end, from the store to the published archive, at each size given: fills a
 * fresh Postbinder home with that many {@link BenchPosts} ({@link BenchStore}), then runs
 * {@code postbinder export} on it to CSV, JSON, JSON Lines and the PDF volume in a separate JVM with
 * {@code -Xmx512m} ({@link ExportRun}), and prints, per size: posts/s of each format's writer and of
 * the whole export job, the heap figures, the archive's file sizes, and at the end how the time
 * grew from the first size to the last. Run it with {@code src/test/scripts/bench-export-job.sh}.
 * Homes are made under the system's temporary folder and deleted afterwards, unless
 * {@code -Dbench.keep=true}.
 */
public final class ExportJobBenchmark {

    private static final String JOB = "bench";
    private static final String RUN = "20261201-000000";
    private static final String HEAP = System.getProperty("bench.heap", "512m");
    private static final String[] FORMATS = {"csv", "json", "jsonl", "pdf"};

    private ExportJobBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        printMachine();
        List<Map<String, String>> results = new ArrayList<>();
        for (String arg : args) {
            int posts = Integer.parseInt(arg);
            Path home = Files.createTempDirectory("postbinder-export-bench");
            long start = System.nanoTime();
            new BenchStore(BenchStore.h2In(home), home.resolve("output"), JOB).fill(posts, RUN);
            Path jobFile = home.resolve("jobs").resolve(JOB + ".yml");
            Files.createDirectories(jobFile.getParent());
            Files.writeString(jobFile, """
                    name: bench
                    title: Export benchmark
                    sources:
                      start-urls: [https://harbournotes.example/]
                    export:
                      formats: [csv, json, jsonl, pdf]
                    """);
            System.out.printf(Locale.ROOT, "%n%,d posts generated and stored in %.1f s (store %s)%n", posts,
                    (System.nanoTime() - start) / 1e9, size(home.resolve("output/.postbinder")));
            Map<String, String> result = export(home, jobFile);
            result.put("posts", arg);
            results.add(result);
            print(result, home.resolve("output").resolve(JOB).resolve(RUN));
            if (!Boolean.getBoolean("bench.keep")) {
                delete(home);
            } else {
                System.out.println("kept " + home);
            }
        }
        printGrowth(results);
    }

    /** Runs the export in a JVM of its own and returns what {@link ExportRun} printed. */
    private static Map<String, String> export(Path home, Path jobFile) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-Xlog:gc:file=" + home.resolve("gc.log"),
                "-cp", System.getProperty("java.class.path"), ExportRun.class.getName(), jobFile.toString(), RUN);
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        Map<String, String> result = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        result.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    }
                } else {
                    System.out.println("  | " + line);
                }
            }
        }
        result.putIfAbsent("exit", String.valueOf(process.waitFor()));
        return result;
    }

    private static void print(Map<String, String> result, Path archive) throws IOException {
        if (!result.containsKey("job")) {
            System.out.println("the export did not finish: exit code " + result.get("exit"));
            return;
        }
        int posts = Integer.parseInt(result.get("posts"));
        System.out.printf(Locale.ROOT, "%,d posts: exit %s, export job %s s (%,.0f posts/s; publishing %s s of it), "
                        + "JVM from start to exit %s s%n", posts, result.get("exit"), result.get("job"),
                posts / seconds(result, "job"), result.get("publish"), result.get("total"));
        System.out.printf("  %-6s %10s %10s%n", "format", "writer s", "posts/s");
        for (String format : FORMATS) {
            System.out.printf(Locale.ROOT, "  %-6s %10.1f %,10.0f%n", format, seconds(result, format),
                    posts / seconds(result, format));
        }
        System.out.printf(Locale.ROOT, "  heap: most in use before a collection %d MB, most after one %d MB, sum of pool peaks %d MB, "
                        + "max %d MB; %s collections, %.1f s in them%n", mb(result, "heapBeforeGc"), mb(result, "heapAfterGc"),
                mb(result, "poolPeaks"), mb(result, "maxHeap"), result.get("collections"),
                Long.parseLong(result.get("gcMillis")) / 1000.0);
        try (Stream<Path> files = Files.list(archive)) {
            for (Path file : files.sorted().toList()) {
                System.out.printf("  %-34s %s%n", file.getFileName(), size(file));
            }
        }
    }

    /** How the time grew from the first size to the last: about the ratio of the sizes when linear. */
    private static void printGrowth(List<Map<String, String>> results) {
        if (results.size() < 2 || results.stream().anyMatch(result -> !result.containsKey("job"))) {
            return;
        }
        Map<String, String> first = results.get(0);
        Map<String, String> last = results.get(results.size() - 1);
        System.out.printf(Locale.ROOT, "%n%s → %s posts (× %.1f): export job × %.1f", first.get("posts"), last.get("posts"),
                Double.parseDouble(last.get("posts")) / Double.parseDouble(first.get("posts")),
                seconds(last, "job") / seconds(first, "job"));
        for (String format : FORMATS) {
            System.out.printf(Locale.ROOT, ", %s × %.1f", format, seconds(last, format) / seconds(first, format));
        }
        System.out.println();
    }

    private static void printMachine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 2)).orElse("?");
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        System.out.printf(Locale.ROOT, "machine: %d cores (%s), %.1f GiB memory, load average %.2f; Java %s; export heap -Xmx%s%n",
                Runtime.getRuntime().availableProcessors(), cpu, memory / (double) (1L << 30),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"), HEAP);
    }

    private static double seconds(Map<String, String> result, String key) {
        return Double.parseDouble(result.getOrDefault(key, "NaN"));
    }

    private static long mb(Map<String, String> result, String key) {
        return Long.parseLong(result.get(key)) >> 20;
    }

    private static String size(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
