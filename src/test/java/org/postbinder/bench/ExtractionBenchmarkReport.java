package org.postbinder.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
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
 * Runs {@link ExtractionBenchmark} and prints what it found: the machine, each way of reading the
 * corpus in pages/s (with JMH's 99.9 % margin) and ms per page, the time of extract + clean and of
 * readability4j as multiples of a plain jsoup parse, Postbinder's speed against readability4j's,
 * and then both extractors' body F1 on the same pages ({@link CorpusScores}). The arguments are
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
        Map<String, Result<?>> results = run(args);
        printSpeeds(results, corpus.size());
        CorpusScores.print(corpus);
    }

    private static Map<String, Result<?>> run(String[] args) throws CommandLineOptionException, RunnerException {
        CommandLineOptions given = new CommandLineOptions(args);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (given.getIncludes().isEmpty()) {
            options.include(Pattern.quote(ExtractionBenchmark.class.getName()) + "\\.");
        }
        Map<String, Result<?>> results = new LinkedHashMap<>();
        for (RunResult run : new Runner(options.build()).run()) {
            String benchmark = run.getParams().getBenchmark();
            results.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.getPrimaryResult());
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

    private static void printSpeeds(Map<String, Result<?>> results, int pages) {
        System.out.printf(Locale.ROOT, "%n%-28s %16s %8s%n", "one thread", "pages/s", "ms/page");
        results.forEach((benchmark, result) -> System.out.printf(Locale.ROOT, "%-28s %8.0f ± %-5.0f %8.2f%n", benchmark,
                result.getScore() * pages, result.getScoreError() * pages, 1000 / (result.getScore() * pages)));
        timeRatio(results, POSTBINDER, JSOUP).ifPresent(ratio -> System.out.printf(Locale.ROOT,
                "extract + clean takes %.2f times as long as a plain jsoup parse (goal: at most %.1f)%n", ratio, GOAL));
        timeRatio(results, READABILITY, JSOUP).ifPresent(ratio -> System.out.printf(Locale.ROOT,
                "readability4j takes %.2f times as long as a plain jsoup parse%n", ratio));
        timeRatio(results, READABILITY, POSTBINDER).ifPresent(ratio -> System.out.printf(Locale.ROOT,
                "Postbinder reads %.2f times as many pages a second as readability4j%n", ratio));
    }

    /** How many times as long as {@code base} the benchmark takes per page; empty unless both ran. */
    private static OptionalDouble timeRatio(Map<String, Result<?>> results, String benchmark, String base) {
        Result<?> measured = results.get(benchmark);
        Result<?> reference = results.get(base);
        return measured == null || reference == null ? OptionalDouble.empty()
                : OptionalDouble.of(reference.getScore() / measured.getScore());
    }
}
