package org.postbinder.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.postbinder.support.LabelledPage;

import com.sun.management.OperatingSystemMXBean;

/**
 * Runs {@link ExtractionBenchmark} and prints what it found: the machine; each way of reading the
 * corpus in pages/s of wall-clock time (with JMH's 99.9 % margin) and per second of the thread's CPU
 * time; the cost of extract + clean and of readability4j as multiples of a plain jsoup parse, and
 * Postbinder's against readability4j's; then both extractors' body F1 on the same pages
 * ({@link CorpusScores}). The ratios are taken from CPU time, which other work on the machine
 * does not inflate, with the wall-clock ratio beside them. The arguments are
 * JMH's own options ({@code -prof gc}, {@code -f 2}, ...); given a benchmark pattern too, it runs
 * only the benchmarks that match and prints only the ratios they allow.
 */
public final class ExtractionBenchmarkReport {

    /** The goal: extract + clean costs at most this many plain jsoup parses of the same page. */
    private static final double GOAL = 1.5;
    private static final String JSOUP = "jsoupParse";
    private static final String POSTBINDER = "postbinderExtractAndClean";
    private static final String READABILITY = "readability4j";

    private ExtractionBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        List<LabelledPage> corpus = LabelledPage.corpus();
        printMachine(corpus);
        Map<String, RunResult> results = run(args);
        printSpeeds(results, corpus.size());
        CorpusScores.print(corpus);
    }

    private static Map<String, RunResult> run(String[] args) throws CommandLineOptionException, RunnerException {
        CommandLineOptions given = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(Pattern.quote(ExtractionBenchmark.class.getName()) + "\\.");
        }
        Map<String, RunResult> results = new LinkedHashMap<>();
        for (RunResult run : new Runner(options.build()).run()) {
            String benchmark = run.getParams().getBenchmark();
            results.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run);
        }
        return results;
    }

    private static void printMachine(List<LabelledPage> corpus) throws IOException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long bytes = 0;
        for (LabelledPage page : corpus) {
            bytes += Files.size(page.page());
        }
        // the machine is shared: the load before the run says how much the figures may be disturbed
        System.out.printf(Locale.ROOT, "machine: %d cores, %.1f GiB memory, load average %.2f; %s %s; %s %s%n",
                os.getAvailableProcessors(), os.getTotalMemorySize() / (double) (1L << 30), os.getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), os.getName(), os.getArch());
        System.out.printf(Locale.ROOT, "corpus: %d labelled pages, %d KiB of HTML%n", corpus.size(), bytes >> 10);
    }

    private static void printSpeeds(Map<String, RunResult> results, int pages) {
        System.out.printf(Locale.ROOT, "%n%-28s %16s %13s %12s%n", "one thread", "pages/s (wall)", "pages/CPU-s",
                "CPU ms/page");
        results.forEach((benchmark, run) -> System.out.printf(Locale.ROOT, "%-28s %8.0f ± %-5.0f %13.0f %12.3f%n",
                benchmark, run.getPrimaryResult().getScore() * pages, run.getPrimaryResult().getScoreError() * pages,
                1000 / cpuMillisPerPage(run), cpuMillisPerPage(run)));
        costRatio(results, POSTBINDER, JSOUP).ifPresent(ratio -> System.out.printf(Locale.ROOT,
                "extract + clean costs %s a plain jsoup parse (goal: at most %.1f)%n", ratio, GOAL));
        costRatio(results, READABILITY, JSOUP).ifPresent(ratio -> System.out.printf(Locale.ROOT,
                "readability4j costs %s a plain jsoup parse%n", ratio));
        costRatio(results, POSTBINDER, READABILITY).ifPresent(ratio -> System.out.printf(Locale.ROOT,
                "Postbinder's extract + clean costs %s readability4j per page%n", ratio));
    }

    /** CPU time per page over the measured iterations. */
    private static double cpuMillisPerPage(RunResult run) {
        Map<String, Result> counters = run.getSecondaryResults();
        return counters.get("cpuNanos").getScore() / counters.get("pages").getScore() / 1e6;
    }

    /**
     * How many times as much the benchmark costs per page as {@code base}, in CPU time and (in
     * brackets) in wall-clock time; empty unless both ran.
     */
    private static Optional<String> costRatio(Map<String, RunResult> results, String benchmark, String base) {
        RunResult measured = results.get(benchmark);
        RunResult reference = results.get(base);
        if (measured == null || reference == null) {
            return Optional.empty();
        }
        double cpu = cpuMillisPerPage(measured) / cpuMillisPerPage(reference);
        double wall = reference.getPrimaryResult().getScore() / measured.getPrimaryResult().getScore();
        return Optional.of(String.format(Locale.ROOT, "%.2f times (wall clock: %.2f times)", cpu, wall));
    }
}
