package org.postbinder.job;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.select.QueryParser;
import org.postbinder.crawl.Cidr;
import org.postbinder.export.ArchiveMode;
import org.postbinder.export.CsvOptions;
import org.postbinder.export.CsvPostWriter;
import org.postbinder.crawl.UrlNormalizer;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a job file ({@code jobs/*.yml}) into a {@link JobDefinition}. Every value is checked here,
 * before any job starts: an unknown key, a bad URL, regex, selector, duration or cron expression
 * is a {@link JobFileException} whose message names the file, the line and the key.
 * Thread-safe.
 *
 * <dl>
 *   <dt>name</dt><dd>job name; defaults to the file name without extension</dd>
 *   <dt>title</dt><dd>human title for the PDF cover</dd>
 *   <dt>sources</dt><dd>start-urls, sitemaps, feeds: http(s) or file URLs;
 *       a relative {@code file:} path resolves against the job file's folder; warcs: WARC files or
 *       folders of them to rebuild from, without the network</dd>
 *   <dt>scope</dt><dd>include, exclude (regexes on the URL), max-pages, max-depth, max-per-pattern</dd>
 *   <dt>crawl</dt><dd>user-agent, delay, timeout, allow-private-addresses, allowed-networks, concurrency,
 *       connections-per-host</dd>
 *   <dt>extract</dt><dd>title, body, author, date (CSS selectors), remove (selectors), require-date,
 *       site-furniture (enabled, min-share, min-posts)</dd>
 *   <dt>export</dt><dd>formats: csv, json, jsonl, pdf; mode: snapshot, incremental; csv: columns,
 *       byte-order-mark, neutralize-formulas; pdf: per-post</dd>
 *   <dt>schedule</dt><dd>cron (six fields), zone, catch-up (run a firing missed while no server was up)</dd>
 * </dl>
 */
@Component
public class JobFileLoader {

    /** Partitions fetching at once; each holds a pooled database connection (see application.yaml). */
    private static final int MAX_CONCURRENCY = 16;
    /** More connections than this to one server is no longer polite. */
    private static final int MAX_CONNECTIONS_PER_HOST = 8;

    /** Large enough for a news site's archive, small enough that a typo cannot crawl the web. */
    static final int DEFAULT_MAX_PAGES = 1_000;
    static final int DEFAULT_MAX_DEPTH = 5;
    /** Enough for years of daily archive pages; an endless calendar stops here. */
    static final int DEFAULT_MAX_PER_PATTERN = 500;
    private static final int MAX_PAGES_LIMIT = 10_000_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public JobDefinition load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String shown = file.toString();
        if (!Files.isRegularFile(absolute)) {
            throw new JobFileException(shown + ": no such job file");
        }
        Node root;
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            root = new Yaml(safeOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new JobFileException(shown + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new JobFileException(shown + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new JobFileException(shown + ": the file is empty");
        }
        return read(new YamlSection(shown, "", root), absolute);
    }

    /**
     * Loads the job file of a run that has already started (every step reads it again, so that a
     * restart uses the file as it is now) and checks that it still names the run's job: a renamed job
     * would read one frontier and write another.
     */
    public JobDefinition loadForRun(Path file, String runJob) {
        JobDefinition job = load(file);
        if (!job.name().equals(runJob)) {
            throw new JobFileException(file + ": the file now names job '" + job.name() + "', but this run belongs to job '"
                    + runJob + "'; put the name back to continue the run");
        }
        return job;
    }

    private JobDefinition read(YamlSection yaml, Path file) {
        Path folder = file.getParent();
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "").toLowerCase(Locale.ROOT);
        String name = yaml.value("name", JobFileLoader::name).orElseGet(() -> {
            try {
                return name(defaultName);
            } catch (IllegalArgumentException e) {
                throw yaml.invalid("the file name '" + defaultName + "' cannot be a job name (" + e.getMessage()
                        + "); give one with name:");
            }
        });
        String title = yaml.string("title").orElse(name);
        JobDefinition.Sources sources = sources(yaml.section("sources").orElseThrow(() -> yaml.missing("sources")), folder);
        JobDefinition.Scope scope = yaml.section("scope").map(this::scope)
                .orElseGet(() -> new JobDefinition.Scope(List.of(), List.of(), DEFAULT_MAX_PAGES, DEFAULT_MAX_DEPTH,
                        DEFAULT_MAX_PER_PATTERN));
        JobDefinition.Crawl crawl = yaml.section("crawl").map(this::crawl)
                .orElseGet(JobDefinition.Crawl::defaults);
        JobDefinition.Extract extract = yaml.section("extract").map(this::extract).orElseGet(JobDefinition.Extract::generic);
        JobDefinition.Export export = yaml.section("export").map(this::export)
                .orElseGet(() -> new JobDefinition.Export(EnumSet.allOf(JobDefinition.Format.class)));
        Optional<JobDefinition.Schedule> schedule = yaml.section("schedule").map(this::schedule);
        yaml.rejectUnknownKeys();
        return new JobDefinition(name, title, file, sources, scope, crawl, extract, export, schedule);
    }

    private JobDefinition.Sources sources(YamlSection yaml, Path folder) {
        List<URI> start = yaml.list("start-urls", raw -> url(raw, folder));
        List<URI> sitemaps = yaml.list("sitemaps", raw -> url(raw, folder));
        List<URI> feeds = yaml.list("feeds", raw -> url(raw, folder));
        List<Path> warcs = yaml.list("warcs", raw -> warcFiles(raw, folder)).stream().flatMap(List::stream).toList();
        yaml.rejectUnknownKeys();
        if (start.isEmpty() && sitemaps.isEmpty() && feeds.isEmpty() && warcs.isEmpty()) {
            throw yaml.invalid("give at least one of start-urls, sitemaps, feeds or warcs");
        }
        return new JobDefinition.Sources(start, sitemaps, feeds, warcs);
    }

    private JobDefinition.Scope scope(YamlSection yaml) {
        List<Pattern> include = yaml.list("include", Pattern::compile);
        List<Pattern> exclude = yaml.list("exclude", Pattern::compile);
        int maxPages = yaml.integer("max-pages", DEFAULT_MAX_PAGES, 1, MAX_PAGES_LIMIT);
        int maxDepth = yaml.integer("max-depth", DEFAULT_MAX_DEPTH, 0, 1_000);
        int maxPerPattern = yaml.integer("max-per-pattern", DEFAULT_MAX_PER_PATTERN, 1, MAX_PAGES_LIMIT);
        yaml.rejectUnknownKeys();
        return new JobDefinition.Scope(include, exclude, maxPages, maxDepth, maxPerPattern);
    }

    private JobDefinition.Crawl crawl(YamlSection yaml) {
        Optional<String> userAgent = yaml.value("user-agent", JobFileLoader::userAgent);
        Duration delay = yaml.duration("delay").orElse(Duration.ZERO);
        Optional<Duration> timeout = yaml.duration("timeout");
        boolean allowPrivateAddresses = yaml.bool("allow-private-addresses", false);
        List<Cidr> allowedNetworks = yaml.list("allowed-networks", Cidr::parse);
        int concurrency = yaml.integer("concurrency", JobDefinition.Crawl.DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY);
        int perHost = yaml.integer("connections-per-host", JobDefinition.Crawl.DEFAULT_CONNECTIONS_PER_HOST, 1,
                MAX_CONNECTIONS_PER_HOST);
        yaml.rejectUnknownKeys();
        return new JobDefinition.Crawl(userAgent, delay, timeout, allowPrivateAddresses, allowedNetworks, concurrency,
                perHost);
    }

    private JobDefinition.Extract extract(YamlSection yaml) {
        Optional<String> title = yaml.value("title", JobFileLoader::selector);
        Optional<String> body = yaml.value("body", JobFileLoader::selector);
        Optional<String> author = yaml.value("author", JobFileLoader::selector);
        Optional<String> date = yaml.value("date", JobFileLoader::selector);
        List<String> remove = yaml.list("remove", JobFileLoader::selector);
        boolean requireDate = yaml.bool("require-date", true);
        JobDefinition.SiteFurniture furniture = yaml.section("site-furniture").map(this::siteFurniture)
                .orElse(JobDefinition.SiteFurniture.DEFAULTS);
        yaml.rejectUnknownKeys();
        return new JobDefinition.Extract(title, body, author, date, remove, requireDate, furniture);
    }

    private JobDefinition.SiteFurniture siteFurniture(YamlSection yaml) {
        JobDefinition.SiteFurniture defaults = JobDefinition.SiteFurniture.DEFAULTS;
        boolean enabled = yaml.bool("enabled", defaults.enabled());
        double minShare = yaml.value("min-share", JobFileLoader::share).orElse(defaults.minShare());
        int minPosts = yaml.integer("min-posts", defaults.minPosts(), 2, 1_000_000);
        yaml.rejectUnknownKeys();
        return new JobDefinition.SiteFurniture(enabled, minShare, minPosts);
    }

    /** A share of posts: 0.3 or 30%; below 5% a site's own recurring wording would be taken for furniture. */
    private static double share(String raw) {
        String value = raw.strip();
        double share = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1).strip()) / 100
                : Double.parseDouble(value);
        if (!(share >= 0.05 && share <= 1)) {
            throw new IllegalArgumentException("must be between 0.05 and 1 (or 5% and 100%)");
        }
        return share;
    }

    private JobDefinition.Export export(YamlSection yaml) {
        List<JobDefinition.Format> formats = yaml.list("formats",
                raw -> JobDefinition.Format.valueOf(raw.strip().toUpperCase(Locale.ROOT)));
        CsvOptions csv = yaml.section("csv").map(this::csv).orElse(CsvOptions.DEFAULTS);
        ArchiveMode mode = yaml.value("mode", JobFileLoader::archiveMode).orElse(ArchiveMode.SNAPSHOT);
        boolean pdfPerPost = yaml.section("pdf").map(JobFileLoader::perPost).orElse(false);
        yaml.rejectUnknownKeys();
        if (formats.isEmpty() && yaml.hadKey("formats")) {
            throw yaml.invalid("formats: give at least one of csv, json, jsonl, pdf (or leave formats out for all)");
        }
        return new JobDefinition.Export(formats.isEmpty() ? EnumSet.allOf(JobDefinition.Format.class) : Set.copyOf(formats), csv,
                mode, pdfPerPost);
    }

    private static boolean perPost(YamlSection yaml) {
        boolean perPost = yaml.bool("per-post", false);
        yaml.rejectUnknownKeys();
        return perPost;
    }

    private static ArchiveMode archiveMode(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "snapshot" -> ArchiveMode.SNAPSHOT;
            case "incremental" -> ArchiveMode.INCREMENTAL;
            default -> throw new IllegalArgumentException("snapshot (every post) or incremental (new and changed posts)");
        };
    }

    private CsvOptions csv(YamlSection yaml) {
        List<String> columns = yaml.list("columns", raw -> {
            if (!CsvPostWriter.COLUMNS.contains(raw.strip())) {
                throw new IllegalArgumentException("not a column; the columns are " + String.join(", ", CsvPostWriter.COLUMNS));
            }
            return raw.strip();
        });
        boolean byteOrderMark = yaml.bool("byte-order-mark", false);
        boolean neutralizeFormulas = yaml.bool("neutralize-formulas", true);
        yaml.rejectUnknownKeys();
        return new CsvOptions(columns, byteOrderMark, neutralizeFormulas);
    }

    private JobDefinition.Schedule schedule(YamlSection yaml) {
        String cron = yaml.value("cron", raw -> {
            CronExpression.parse(raw);
            return raw;
        }).orElseThrow(() -> yaml.missing("cron"));
        ZoneId zone = yaml.value("zone", ZoneId::of).orElse(ZoneId.of("UTC"));
        boolean catchUp = yaml.bool("catch-up", false);
        yaml.rejectUnknownKeys();
        return new JobDefinition.Schedule(cron, zone, catchUp);
    }

    private static String name(String raw) {
        if (!NAME.matcher(raw).matches()) {
            throw new IllegalArgumentException("use lower-case letters, digits, '-' and '_' (at most 64)");
        }
        return raw;
    }

    private static String userAgent(String raw) {
        if (raw.isBlank() || raw.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("must be printable ASCII on one line");
        }
        return raw.strip();
    }

    private static String selector(String raw) {
        QueryParser.parse(raw);
        return raw.strip();
    }

    /** Accepts http, https and file URLs; {@code file:relative/path} resolves against the job file's folder. */
    static URI url(String raw, Path folder) {
        URI uri;
        try {
            uri = new URI(UrlNormalizer.asciiHost(raw.strip()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("an http(s) URL needs a host");
                }
                return uri;
            }
            case "file" -> {
                return uri.isOpaque() ? folder.resolve(uri.getSchemeSpecificPart()).normalize().toUri() : uri;
            }
            default -> throw new IllegalArgumentException("expected an http:, https: or file: URL");
        }
    }

    /** A WARC file, or a folder of them (a crawl's output/<job>/warc/); relative paths resolve against the job file. */
    private static List<Path> warcFiles(String raw, Path folder) {
        Path path = folder.resolve(raw.strip()).normalize();
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such WARC file or folder");
        }
        try (java.util.stream.Stream<Path> files = Files.list(path)) {
            List<Path> warcs = files.filter(file -> file.getFileName().toString().matches(".*\\.warc(\\.gz)?")).sorted().toList();
            if (warcs.isEmpty()) {
                throw new IllegalArgumentException("the folder holds no .warc or .warc.gz file");
            }
            return warcs;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the folder: " + e.getMessage());
        }
    }

    private static LoaderOptions safeOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // A job file is a few dozen lines; refuse alias bombs and huge files outright.
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1_000_000);
        return options;
    }
}
