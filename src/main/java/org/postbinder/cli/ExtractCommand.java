package org.postbinder.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

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
 * archive it, for tuning a job's selectors; with {@code --explain}, also where each field came
 * from, which elements held the body and which blocks were dropped and why. Nothing is stored.
 */
@Component
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print one page's extracted post as JSON (nothing is stored).")
public class ExtractCommand implements Callable<Integer> {

    @Parameters(paramLabel = "URL-or-FILE", description = "an http(s) or file URL, or a path to a saved page")
    String target;

    @Option(names = "--job", paramLabel = "JOBFILE", description = "use this job's selectors and crawl settings")
    Path jobFile;

    @Option(names = "--explain", description = "also show where each field came from, which elements held the body, "
            + "and which blocks were dropped as furniture and why")
    boolean explain;

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
        Optional<JobDefinition> job = Optional.ofNullable(jobFile).map(loader::load);
        JobDefinition.Extract selectors = job.map(JobDefinition::extract).orElseGet(JobDefinition.Extract::generic);
        JobDefinition.Crawl settings = job.map(JobDefinition::crawl).orElseGet(JobDefinition.Crawl::defaults);
        URI url = Files.exists(Path.of(target)) ? Path.of(target).toAbsolutePath().toUri() : URI.create(target);
        FetchResult result = fetchers.fetch(url, crawl.settingsFor(settings));
        FetchedPage page = result.page().orElseThrow(() -> new IllegalStateException(
                "cannot fetch " + url + ": " + result.outcome().name().toLowerCase() + ", " + result.reason()));
        PostExtractor.Explanation explanation = extractor.explain(page.parse(), url, selectors, page.fetchedAt());
        ExtractedPost extracted = explanation.post();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("article", extracted.article());
        output.put("post", cleaner.clean(extracted, page.fetchedAt()).map(PostRecord::of).orElse(null));
        if (explain) {
            output.put("explain", explained(explanation, cleaner.dropped(extracted)));
        }
        System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(output));
        return 0;
    }

    private static Map<String, Object> explained(PostExtractor.Explanation explanation, List<PostCleaner.Dropped> dropped) {
        Map<String, Object> explained = new LinkedHashMap<>();
        explained.put("fields", explanation.fieldSources());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", explanation.bodyMethod());
        body.put("elements", explanation.bodyElements());
        explained.put("body", body);
        explained.put("dropped", dropped);
        return explained;
    }
}
