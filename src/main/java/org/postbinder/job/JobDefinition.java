package org.postbinder.job;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.postbinder.crawl.Cidr;
import org.postbinder.export.ArchiveMode;
import org.postbinder.export.CsvOptions;

/**
 * One job file, loaded and validated: what to crawl, how far, how to extract and what to export.
 * Immutable; built only by {@link JobFileLoader}, which has already checked every value.
 *
 * @param name    job name, used in output paths and job parameters ({@code [a-z0-9][a-z0-9_-]*})
 * @param title   human title for the PDF cover (defaults to the name)
 * @param file    the job file this definition came from
 * @param sources where discovery starts
 * @param scope   which URLs belong to the job
 * @param crawl   fetch settings
 * @param extract site-specific selectors (all optional)
 * @param export  formats to write
 * @param schedule cron and zone, when the job runs nightly
 */
public record JobDefinition(
        String name,
        String title,
        Path file,
        Sources sources,
        Scope scope,
        Crawl crawl,
        Extract extract,
        Export export,
        Optional<Schedule> schedule) {

    /**
     * Start URLs, sitemaps and feeds, or WARC files to rebuild from; at least one source in all.
     * A job with WARC files reads its pages from them and makes no request to the network.
     */
    public record Sources(List<URI> startUrls, List<URI> sitemaps, List<URI> feeds, List<Path> warcs) {
        public Sources {
            startUrls = List.copyOf(startUrls);
            sitemaps = List.copyOf(sitemaps);
            feeds = List.copyOf(feeds);
            warcs = List.copyOf(warcs);
        }

        public Sources(List<URI> startUrls, List<URI> sitemaps, List<URI> feeds) {
            this(startUrls, sitemaps, feeds, List.of());
        }

        public boolean fromWarcs() {
            return !warcs.isEmpty();
        }
    }

    /**
     * Which URLs are followed. With no include pattern, a URL is in scope when it lies under the
     * folder of one of the start URLs; excludes always win. {@code maxPerPattern} caps the URLs of
     * one shape (digits and query values blanked) per run, which stops crawler traps.
     */
    public record Scope(List<Pattern> include, List<Pattern> exclude, int maxPages, int maxDepth, int maxPerPattern) {
        public Scope {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }
    }

    /**
     * Fetch settings for this job; empty values fall back to the machine's defaults.
     *
     * @param delay                 the least time between two requests to one host (robots.txt may ask for more)
     * @param allowPrivateAddresses whether loopback and private network addresses may be fetched (off by default)
     * @param allowedNetworks       internal networks that may be fetched although the others may not
     */
    public record Crawl(Optional<String> userAgent, Duration delay, Optional<Duration> timeout,
                        boolean allowPrivateAddresses, List<Cidr> allowedNetworks, int concurrency,
                        int connectionsPerHost) {

        /** Fetches at once across all servers. */
        public static final int DEFAULT_CONCURRENCY = 4;
        /** One connection per server, as polite crawlers keep. */
        public static final int DEFAULT_CONNECTIONS_PER_HOST = 1;

        public Crawl {
            allowedNetworks = List.copyOf(allowedNetworks);
        }

        /** The machine's user agent and timeouts, no delay, public addresses only, four servers at once. */
        public static Crawl defaults() {
            return new Crawl(Optional.empty(), Duration.ZERO, Optional.empty(), false, List.of(), DEFAULT_CONCURRENCY,
                    DEFAULT_CONNECTIONS_PER_HOST);
        }
    }

    /**
     * CSS selectors for one site. When {@code body} is empty the generic extractor chooses the
     * article; {@code remove} lists elements dropped before anything is extracted.
     */
    public record Extract(Optional<String> title, Optional<String> body, Optional<String> author,
                          Optional<String> date, List<String> remove, boolean requireDate, SiteFurniture siteFurniture) {
        public Extract {
            remove = List.copyOf(remove);
        }

        public Extract(Optional<String> title, Optional<String> body, Optional<String> author, Optional<String> date,
                       List<String> remove, boolean requireDate) {
            this(title, body, author, date, remove, requireDate, SiteFurniture.DEFAULTS);
        }

        public static Extract generic() {
            return new Extract(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), true);
        }
    }

    /**
     * When a paragraph or caption is site furniture: found on at least {@code minShare} of a site's
     * posts, and on at least {@code minPosts} of them.
     */
    public record SiteFurniture(boolean enabled, double minShare, int minPosts) {
        public static final SiteFurniture DEFAULTS = new SiteFurniture(true, 0.3, 5);
    }

    /** Export formats and their options; the manifest is always written. */
    public record Export(Set<Format> formats, CsvOptions csv, ArchiveMode mode, boolean pdfPerPost) {

        public Export(Set<Format> formats) {
            this(formats, CsvOptions.DEFAULTS, ArchiveMode.SNAPSHOT, false);
        }

        public Export {
            formats = Set.copyOf(formats);
        }
    }

    /** {@code posts.csv}, {@code posts.json} (an array), {@code posts.jsonl} (a post a line) and the PDF volume. */
    public enum Format { CSV, JSON, JSONL, PDF }

    /**
     * A nightly schedule: Spring cron expression (six fields) in a time zone. With {@code catchUp},
     * a firing missed while no server was running is run when a server starts (the latest one only).
     */
    public record Schedule(String cron, ZoneId zone, boolean catchUp) {}
}
