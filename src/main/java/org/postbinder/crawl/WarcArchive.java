package org.postbinder.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Keeps every HTTP exchange of a run in gzipped WARC files (with jwarc): a request record and a
 * response record with the body as it was received. Files are named
 * {@code <job>-<run>-<n>.warc.gz} and a new one starts when the current one passes the size limit,
 * and at every (re)start of the crawl step, so that a file a crash may have cut short is never
 * appended to; such a file is cut back to its last complete record at the restart. Thread-safe.
 */
public class WarcArchive implements ItemStream, ExchangeRecorder {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final Path folder;
    /** The start of the run's files' names, whoever wrote them. */
    private final String run;
    /** The files this archive numbers and writes: the run's, or a remote worker's own among them. */
    private final String ownPrefix;
    private final boolean worker;
    private final long maxFileBytes;
    private final boolean enabled;
    private @Nullable WarcWriter writer;
    private @Nullable FileChannel channel;
    private boolean repaired;

    /** With {@code enabled} false the archive keeps nothing and writes no file. */
    public WarcArchive(Path folder, String job, String run, long maxFileBytes, boolean enabled) {
        this(folder, job, run, maxFileBytes, enabled, null);
    }

    /**
     * The archive of a remote worker named {@code worker} (null: of the process that runs the job):
     * a worker writes files of its own, {@code <job>-<run>.<worker>-<n>.warc.gz} (a run id has no dot,
     * a worker's name only letters, digits, '-' and '_'), so that processes
     * sharing the folder never number into one another's files, and it repairs none, since another
     * worker may be writing the file it would cut. The job's own process repairs them all, when it
     * first opens the archive (seeding, or fetching images after the crawl), while no worker writes.
     */
    public WarcArchive(Path folder, String job, String run, long maxFileBytes, boolean enabled, @Nullable String worker) {
        this.folder = folder;
        this.run = job + "-" + run;
        this.ownPrefix = this.run + (worker == null ? "" : "." + worker) + "-";
        this.worker = worker != null;
        this.maxFileBytes = maxFileBytes;
        this.enabled = enabled;
    }

    /**
     * At every (re)start a new file begins; the first open of an execution also cuts the run's
     * earlier files back to their last complete record, since a kill or crash may have left a
     * record half-written at the end of one (later opens are the crawl's partitions, writing).
     */
    @Override
    public synchronized void open(ExecutionContext context) {
        closeQuietly();
        if (enabled && !repaired && !worker) {
            repaired = true;
            files().forEach(WarcArchive::repair);
        }
    }

    private static void repair(Path file) {
        try {
            long cut = WarcRepair.repair(file);
            if (cut > 0) {
                log.info("  repaired    {}: cut {} bytes of a record a crash left unfinished", file.getFileName(), cut);
            }
        } catch (IOException e) {
            throw new WriteFailure("cannot repair the WARC file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void record(Exchange exchange) {
        if (!enabled) {
            return;
        }
        try {
            if (writer == null || channel == null) {
                startNextFile();
            }
            WarcRequest request = new WarcRequest.Builder(exchange.url())
                    .date(exchange.at())
                    .body(MediaType.HTTP_REQUEST, new HttpRequest.Builder("GET", exchange.url().getRawPath()
                            + (exchange.url().getRawQuery() == null ? "" : "?" + exchange.url().getRawQuery()))
                            .addHeaders(exchange.requestHeaders()).build())
                    .build();
            HttpResponse.Builder http = new HttpResponse.Builder(exchange.status(), "")
                    .addHeaders(withoutLengthHeaders(exchange.responseHeaders()))
                    .body(contentType(exchange.responseHeaders()), exchange.rawBody());
            WarcResponse.Builder response = new WarcResponse.Builder(exchange.url())
                    .date(exchange.at())
                    .concurrentTo(request.id())
                    .body(MediaType.HTTP_RESPONSE, http.build());
            if (exchange.truncated()) {
                response.truncated(WarcTruncationReason.LENGTH);
            }
            writer.write(request);
            writer.write(response.build());
            if (channel.size() >= maxFileBytes) {
                closeFile();
            }
        } catch (IOException e) {
            // a half-written record must not be followed by more: the file is closed and left as it is
            closeQuietly();
            throw new WriteFailure("cannot write the WARC record of " + exchange.url() + ": " + e.getMessage(), e);
        }
    }

    /** Makes the records written so far durable when the chunk that fetched them commits. */
    @Override
    public synchronized void update(ExecutionContext context) {
        try {
            if (channel != null && channel.isOpen()) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new WriteFailure("cannot flush the WARC file: " + e.getMessage(), e);
        }
    }

    /** The WARC files could not be written (a full disk, say): the crawl stops rather than go on unrecorded. */
    public static class WriteFailure extends UncheckedIOException {
        public WriteFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    @Override
    public synchronized void close() {
        try {
            closeFile();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the WARC file in " + folder, e);
        }
    }

    /** The WARC files of this run, each writer's in the order they were written. */
    public List<Path> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> runFile(file) != null)
                    .sorted(Comparator.comparing((Path file) -> Objects.toString(runFile(file).group(1), ""))
                            .thenComparing(file -> Integer.parseInt(runFile(file).group(2))))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void closeQuietly() {
        try {
            closeFile();
        } catch (IOException e) {
            writer = null;
            channel = null;
        }
    }

    private void startNextFile() {
        try {
            closeFile();
            Files.createDirectories(folder);
            int next = files().stream().mapToInt(this::index).max().orElse(-1) + 1;
            Path file = folder.resolve(String.format("%s%05d.warc.gz", ownPrefix, next));
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            writer = new WarcWriter(channel, WarcCompression.GZIP);
        } catch (IOException e) {
            throw new WriteFailure("cannot start a WARC file in " + folder + ": " + e.getMessage(), e);
        }
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            writer.close();
        }
        if (channel != null && channel.isOpen()) {
            channel.force(true);
            channel.close();
        }
        writer = null;
        channel = null;
    }

    /** This archive's own number of a file; -1 for another writer's file. */
    private int index(Path file) {
        Matcher matcher = Pattern.compile(Pattern.quote(ownPrefix) + "(\\d{5})\\.warc\\.gz").matcher(file.getFileName().toString());
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * A file of the run, by any writer: group 1 is the worker's part of the name (null for the job's
     * own process), group 2 the file's number.
     */
    private @Nullable Matcher runFile(Path file) {
        Matcher matcher = Pattern.compile(Pattern.quote(run) + "(\\.[A-Za-z0-9_-]+)?-(\\d{5})\\.warc\\.gz").matcher(file.getFileName().toString());
        return matcher.matches() ? matcher : null;
    }

    private static MediaType contentType(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("content-type") && !header.getValue().isEmpty())
                .map(header -> MediaType.parseLeniently(header.getValue().get(0)))
                .findFirst().orElse(MediaType.OCTET_STREAM);
    }

    /** The body is stored as received; its type and length are written again by the record, not copied. */
    private static Map<String, List<String>> withoutLengthHeaders(Map<String, List<String>> headers) {
        return headers.entrySet().stream()
                .filter(header -> !header.getKey().equalsIgnoreCase("content-length")
                        && !header.getKey().equalsIgnoreCase("content-type")
                        && !header.getKey().equalsIgnoreCase("transfer-encoding")
                        && !header.getKey().startsWith(":"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
