package org.postbinder.job;

import java.util.ArrayList;
import java.util.List;

import org.postbinder.clean.LearnedFurniture;
import org.postbinder.clean.RecurringTexts;
import org.postbinder.clean.SiteFurnitureTable;
import org.postbinder.store.PostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * After the crawl, reads the text of every post of the job (twice, see {@link RecurringTexts}) and
 * learns as furniture what recurs on many posts of one site. What it learned goes to the
 * {@code site_furniture} table, and to this step's context as {@value #LEARNED} for the run summary.
 */
public class LearnSiteFurnitureTasklet implements Tasklet {

    /** The step context's list of what this run learned, one line per text. */
    public static final String LEARNED = "furniture.learned";

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final PostRepository posts;
    private final SiteFurnitureTable table;
    private final JobDefinition job;
    private final String run;

    public LearnSiteFurnitureTasklet(PostRepository posts, SiteFurnitureTable table, JobDefinition job, String run) {
        this.posts = posts;
        this.table = table;
        this.job = job;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobDefinition.SiteFurniture settings = job.extract().siteFurniture();
        if (!settings.enabled()) {
            return RepeatStatus.FINISHED;
        }
        RecurringTexts counts = new RecurringTexts();
        posts.forEachText(job.name(), post -> counts.countCandidates(RecurringTexts.siteOf(post.canonicalUrl()), texts(post)));
        posts.forEachText(job.name(), post -> counts.countExactly(RecurringTexts.siteOf(post.canonicalUrl()), texts(post)));
        LearnedFurniture known = table.load(job.name());
        List<RecurringTexts.Recurring> learned = counts.onAtLeast(settings.minShare(), settings.minPosts()).stream()
                .filter(text -> !known.has(text.site(), text.text())).toList();
        table.add(job.name(), run, learned);
        List<String> lines = learned.stream().map(LearnSiteFurnitureTasklet::line).toList();
        lines.forEach(line -> log.info("  furniture   {}", line));
        chunkContext.getStepContext().getStepExecution().getExecutionContext().put(LEARNED, new ArrayList<>(lines));
        return RepeatStatus.FINISHED;
    }

    private static List<String> texts(PostRepository.PostText post) {
        List<String> texts = new ArrayList<>(post.paragraphs());
        texts.addAll(post.captions());
        return texts;
    }

    private static String line(RecurringTexts.Recurring text) {
        String shown = text.text().length() <= 100 ? text.text() : text.text().substring(0, 99) + "…";
        return "%s (%d of %d posts): \"%s\"".formatted(text.site(), text.posts(), text.sitePosts(), shown);
    }
}
