package org.postbinder.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.postbinder.export.ArchiveFileWriter;
import org.postbinder.export.CsvOptions;
import org.postbinder.export.CsvPostWriter;
import org.postbinder.export.JsonLinesPostWriter;
import org.postbinder.export.FigureFiles;
import org.postbinder.export.JsonPostWriter;
import org.postbinder.export.PdfVolumeWriter;
import org.postbinder.export.PostPdfWriter;
import org.postbinder.store.Post;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * How fast each archive format is written, and in how much memory: generated posts of realistic
 * length (4 to 24 paragraphs of 30 to 110 words, a third with captions, one in eight in Cyrillic)
 * are streamed through each writer in chunks of 50, as the export step does, for each size given.
 * The baseline, measured in the same run, writes the same posts' text as plain UTF-8 lines: the
 * floor that any format pays in bytes. Run it with {@code src/test/scripts/bench-export.sh 10000 100000}
 * (and {@code BENCH_FORMATS=csv,pdf-volume} for some formats only); it prints one table row per
 * size and format.
 */
public final class ExportBenchmark {

    private static final int CHUNK = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("postbinder-bench");
        System.out.printf("max heap %d MB, %d cores%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%8s  %-14s %9s %10s %8s %10s %10s %10s%n", "posts", "format", "seconds", "posts/s", "x base",
                "peak heap", "held", "file MB");
        for (String arg : args) {
            int posts = Integer.parseInt(arg);
            double baseline = measure(posts, "baseline", folder, ExportBenchmark::plainText, 0);
            Map<String, Function<Path, ArchiveFileWriter>> formats = new LinkedHashMap<>();
            formats.put("csv", file -> new CsvPostWriter(file, CsvOptions.DEFAULTS));
            formats.put("json", file -> new JsonPostWriter(file, JSON));
            formats.put("jsonl", file -> new JsonLinesPostWriter(file, JSON));
            formats.put("pdf-volume", file -> new PdfVolumeWriter(file, new PdfVolumeWriter.VolumeInfo("Benchmark", "bench", "r"),
                    FigureFiles.NONE));
            formats.put("pdf-per-post", target -> new PostPdfWriter(target, FigureFiles.NONE));
            for (Map.Entry<String, Function<Path, ArchiveFileWriter>> format : formats.entrySet()) {
                if (WANTED.isEmpty() || WANTED.contains(format.getKey())) {
                    measure(posts, format.getKey(), folder, format.getValue(), baseline);
                }
            }
        }
    }

    /** The formats to measure ({@code -Dbench.formats=csv,pdf-volume}); all when not set. */
    private static final Set<String> WANTED = Set.of(System.getProperty("bench.formats", "").split(",")).stream()
            .filter(name -> !name.isBlank()).collect(java.util.stream.Collectors.toSet());

    private static double measure(int count, String format, Path folder, Function<Path, ArchiveFileWriter> writers,
                                  double baseline) throws Exception {
        Path file = folder.resolve(format.replace(' ', '-') + "-" + count);
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        ArchiveFileWriter writer = writers.apply(file);
        writer.open(new ExecutionContext());
        List<Post> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < count; i++) {
            chunk.add(post(i));
            if (chunk.size() == CHUNK || i == count - 1) {
                writer.write(new Chunk<>(chunk));
                chunk.clear();
            }
        }
        long held = retainedHeap();
        writer.finish();
        writer.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = size(file);
        System.out.printf(Locale.ROOT, "%8d  %-14s %9.1f %10.0f %8s %7d MB %7d MB %10.1f%n", count, format, seconds,
                count / seconds, baseline > 0 ? String.format(Locale.ROOT, "%.1f", seconds / baseline) : "1.0",
                peakHeap() >> 20, held >> 20, bytes / 1e6);
        delete(file);
        return seconds;
    }

    /** The baseline: each post's title and paragraphs as lines of UTF-8, nothing else. */
    private static ArchiveFileWriter plainText(Path file) {
        return new ArchiveFileWriter() {
            private BufferedWriter out;

            @Override
            public void open(ExecutionContext context) {
                try {
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public void write(Chunk<? extends Post> posts) throws IOException {
                for (Post post : posts) {
                    out.write(post.title());
                    out.newLine();
                    for (String paragraph : post.paragraphs()) {
                        out.write(paragraph);
                        out.newLine();
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                out.close();
            }
        };
    }

    private static final String[] WORDS = ("the harbour ferry morning council island library archive winter timetable "
            + "fishermen market quay storm report readers village school museum bridge railway season weather "
            + "volunteers restoration budget mayor residents festival tide lighthouse boats crew coast").split(" ");
    private static final String[] RUSSIAN = ("библиотека архив читатели город район совет школа музей газета зима "
            + "паром остров рынок порт погода жители праздник мост дорога").split(" ");

    /** The same post for the same number, every run. */
    private static Post post(int n) {
        Random random = new Random(n);
        String[] words = n % 8 == 7 ? RUSSIAN : WORDS;
        String title = capitalized(sentence(random, words, 6 + random.nextInt(8)));
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0, count = 4 + random.nextInt(21); p < count; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int words_ = 30 + random.nextInt(81); words_ > 0; ) {
                int length = Math.min(words_, 8 + random.nextInt(14));
                paragraph.append(capitalized(sentence(random, words, length))).append(". ");
                words_ -= length;
            }
            paragraphs.add(paragraph.toString().strip());
        }
        List<String> captions = n % 3 == 0 ? List.of(capitalized(sentence(random, words, 10)) + ".") : List.of();
        String date = String.format(Locale.ROOT, "20%02d-%02d-%02dT09:00:00+01:00", 10 + n % 15, 1 + n % 12, 1 + n % 28);
        String url = "https://blog.example/" + date.substring(0, 10).replace('-', '/') + "/post-" + n + "/";
        return new Post(url, url, title, "Ada Marsh", date, null, "Harbour Notes", "en", null, null,
                List.of("harbour", "notes"), paragraphs, captions, "2026-01-01T00:00:00Z");
    }

    private static String sentence(Random random, String[] words, int length) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sentence.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return sentence.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The heap still in use after a full collection, taken once every post is written and before
     * the file is finished: what the writer holds on to for the whole export (the peak also counts
     * garbage the collector had not needed to clear yet).
     */
    private static long retainedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the live heap at any moment. */
    private static long peakHeap() {
        return heapPools().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP);
    }

    private static long size(Path file) throws IOException {
        if (!Files.isDirectory(file)) {
            return Files.size(file);
        }
        try (Stream<Path> files = Files.walk(file)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static void delete(Path file) throws IOException {
        try (Stream<Path> files = Files.walk(file)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
