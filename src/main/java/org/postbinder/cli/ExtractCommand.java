package org.postbinder.cli;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.postbinder.clean.PostCleaner;
import org.postbinder.crawl.CrawlProperties;
import org.postbinder.crawl.FetchResult;
import org.postbinder.crawl.FetchedPage;
import org.postbinder.crawl.Fetchers;
import org.postbinder.export.PostRecord;
import org.postbinder.extract.ExtractedPost;
import org.postbinder.extract.PostExtractor;
import org.postbinder.job.JobDefinition;
import org.postbinder.job.JobFileLoader;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code postbinder extract URL-or-FILE}: prints one page's post as JSON, exactly as a job would
 * archive it, for tuning a job's selectors. Nothing is stored.
 */
@Component
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print one page's extracted post as JSON (nothing is stored).")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL-or-FILE", description = "an http(s) or file URL, or a path to a saved page")
    String target;

    @Option(names = "--job", paramLabel = "JOBFILE", description = "use this job's selectors and crawl settings")
    Path jobFile;

    private final Fetchers fetchers;
    private final CrawlProperties crawl;
    private final PostExtractor extractor;
    private final PostCleaner cleaner;
    private final JobFileLoader loader;
    private final JsonMapper json;

    public ExtractCommand(Fetchers fetchers, CrawlProperties crawl, PostExtractor extractor, PostCleaner cleaner,
                          JobFileLoader loader, JsonMapper json) {
        this.fetchers = fetchers;
        this.crawl = crawl;
        this.extractor = extractor;
        this.cleaner = cleaner;
        this.loader = loader;
        this.json = json;
    }

    @Override
    public Integer call() throws Exception {
        JobDefinition.Extract selectors = jobFile == null ? JobDefinition.Extract.generic() : loader.load(jobFile).extract();
        JobDefinition.Crawl settings = jobFile == null
                ? new JobDefinition.Crawl(java.util.Optional.empty(), java.time.Duration.ZERO, java.util.Optional.empty())
                : loader.load(jobFile).crawl();
        URI url = Files.exists(Path.of(target)) ? Path.of(target).toAbsolutePath().toUri() : URI.create(target);
        FetchResult result = fetchers.fetch(url, crawl.settingsFor(settings));
        FetchedPage page = result.page().orElseThrow(() -> new IllegalStateException(
                "cannot fetch " + url + ": " + result.outcome().name().toLowerCase() + ", " + result.reason()));
        Document document = Jsoup.parse(new ByteArrayInputStream(page.body()),
                page.charset().map(Charset::name).orElse(null), page.finalUrl().toString());
        ExtractedPost extracted = extractor.extract(document, url, selectors);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("article", extracted.article());
        output.put("post", cleaner.clean(extracted, page.fetchedAt()).map(PostRecord::of).orElse(null));
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(output));
        return 0;
    }
}
