package org.postbinder.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.postbinder.clean.PostCleaner;
import org.postbinder.crawl.FetchedPage;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.extract.PostExtractor;
import org.postbinder.job.JobDefinition;
import org.postbinder.support.LabelledPage;
import org.postbinder.support.Pages;

import net.dankito.readability4j.Readability4J;

/**
 * How many pages a second one core reads on the labelled corpus (every page that
 * {@code ExtractionCorpusTest} scores), three ways in one JMH run: plain jsoup parsing, the floor
 * of any extractor built on jsoup; Postbinder's reading of a fetched page into the post the store
 * gets, as the crawl's {@code PageProcessor} does it (parse the bytes, extract, clean: normalize,
 * drop furniture phrases, keep each caption once), without the network, link discovery and the
 * database; and readability4j ({@link Readability4J}, the plain port of Mozilla's Readability, not
 * its extended variant) up to its article text. Each operation reads the whole corpus once, on
 * one thread. Run it with {@code src/test/scripts/bench-extract.sh}, which runs
 * {@link ExtractionBenchmarkReport}: pages/s, the ratios and both extractors' F1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// extract + clean is a lot of code: on a busy 2-core machine the JIT takes some 25 s to reach its steady speed
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ExtractionBenchmark {

    /** A corpus page as the crawl has it once fetched (bytes, UTF-8 as the server declares it), and as text. */
    record CorpusPage(URI url, String html, FetchedPage fetched) {

        static CorpusPage of(LabelledPage labelled) throws IOException {
            byte[] body = Files.readAllBytes(labelled.page());
            URI url = labelled.url();
            return new CorpusPage(url, new String(body, StandardCharsets.UTF_8), new FetchedPage(url, url, "text/html",
                    Optional.of(StandardCharsets.UTF_8), body, Pages.FETCHED_AT));
        }
    }

    /**
     * The pages read and the CPU time this thread spent on them, per iteration. This machine is
     * shared, and wall-clock throughput counts the time the thread waited for a core while other
     * builds ran; CPU time gives the per-core figure whatever the load.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long pages;
        public long cpuNanos;
        private long startedAt;

        @Setup(Level.Iteration)
        public void start() {
            startedAt = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - startedAt;
        }
    }

    private final PostExtractor extractor = new PostExtractor();
    private final PostCleaner cleaner = new PostCleaner();
    private final JobDefinition.Extract generic = JobDefinition.Extract.generic();
    private List<CorpusPage> pages;

    @Setup
    public void loadCorpus() throws IOException {
        List<CorpusPage> loaded = new ArrayList<>();
        for (LabelledPage labelled : LabelledPage.corpus()) {
            loaded.add(CorpusPage.of(labelled));
        }
        pages = List.copyOf(loaded);
    }

    @Benchmark
    public void jsoupParse(Blackhole sink, CpuTime cpu) {
        for (CorpusPage page : pages) {
            sink.consume(Jsoup.parse(page.html(), page.url().toString()));
        }
        cpu.pages += pages.size();
    }

    @Benchmark
    public void postbinderExtractAndClean(Blackhole sink, CpuTime cpu) {
        for (CorpusPage page : pages) {
            Document document = page.fetched().parse();
            ExtractedPost extracted = extractor.extract(document, page.url(), generic, page.fetched().fetchedAt());
            sink.consume(cleaner.clean(extracted, page.fetched().fetchedAt()));
        }
        cpu.pages += pages.size();
    }

    @Benchmark
    public void readability4j(Blackhole sink, CpuTime cpu) {
        for (CorpusPage page : pages) {
            sink.consume(new Readability4J(page.url().toString(), page.html()).parse().getTextContent());
        }
        cpu.pages += pages.size();
    }
}
