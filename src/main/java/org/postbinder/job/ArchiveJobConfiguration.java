package org.postbinder.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postbinder.clean.LearnedFurniture;
import org.postbinder.clean.PostCleaner;
import org.postbinder.clean.SiteFurnitureTable;
import org.postbinder.crawl.CrawlProperties;
import org.postbinder.crawl.CrawlRuns;
import org.postbinder.crawl.FetchSettings;
import org.postbinder.crawl.FetchState;
import org.postbinder.crawl.Fetchers;
import org.postbinder.crawl.Frontier;
import org.postbinder.crawl.FrontierEntry;
import org.postbinder.crawl.HostPacer;
import org.postbinder.crawl.RobotsPolicy;
import org.postbinder.crawl.Scope;
import org.postbinder.crawl.WarcArchive;
import org.postbinder.crawl.WarcProperties;
import org.postbinder.crawl.LinkDiscoverer;
import org.postbinder.crawl.SitemapReader;
import org.postbinder.export.ArchiveFileWriter;
import org.postbinder.export.ArchiveMode;
import org.postbinder.export.ArchiveLocation;
import org.postbinder.export.ArchivePublisher;
import org.postbinder.export.ArchiveWriters;
import org.postbinder.export.CsvPostWriter;
import org.postbinder.export.ExportWindows;
import org.postbinder.export.FigureFiles;
import org.postbinder.export.JsonLinesPostWriter;
import org.postbinder.export.JsonPostWriter;
import org.postbinder.export.OutputProperties;
import org.postbinder.export.PdfVolumeWriter;
import org.postbinder.export.PostPdfWriter;
import org.postbinder.export.StagingFolder;
import org.postbinder.export.TimedArchiveFileWriter;
import org.postbinder.extract.PostExtractor;
import org.postbinder.media.FigureQueue;
import org.postbinder.media.ImageProperties;
import org.postbinder.media.ImageResult;
import org.postbinder.media.ImageTable;
import org.postbinder.media.MediaStore;
import org.postbinder.media.QueuedImage;
import org.postbinder.store.Post;
import org.postbinder.store.PostRepository;
import org.postbinder.store.PostsInExportOrder;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.support.CompositeItemProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The batch jobs and their steps. {@value #ARCHIVE_JOB} runs the whole pipeline; {@value #CRAWL_JOB}
 * and {@value #EXPORT_JOB} run its two halves. The job file named in the job parameters is read
 * once per job execution ({@link RunContext}), so a restart reads it again, with the same run id.
 * <pre>
 * seedFrontierStep ─▶ crawlPostsStep ─────────────▶ learnSiteFurnitureStep ─▶ removeSiteFurnitureStep ─▶
 * (tasklet)           (partitions on threads,        (tasklet: two passes     (chunk of posts: each
 *                      each a chunk of 1 URL)         over the posts' text)    rewritten without it)
 *
 *     ─▶ fetchImagesStep ─────────▶ exportPostsStep ─▶ publishArchiveStep
 *        (chunk of queued images)   (chunk of posts)   (tasklet)
 * </pre>
 * The crawl job runs the steps up to the images' fetch; the export job the last two.
 */
@Configuration
public class ArchiveJobConfiguration {

    public static final String ARCHIVE_JOB = "postArchiveJob";
    public static final String CRAWL_JOB = "postCrawlJob";
    public static final String EXPORT_JOB = "postExportJob";
    public static final String SEED_STEP = "seedFrontierStep";
    public static final String CRAWL_STEP = "crawlPostsStep";
    public static final String CRAWL_PARTITION_STEP = "crawlPartitionStep";
    public static final String LEARN_FURNITURE_STEP = "learnSiteFurnitureStep";
    public static final String REMOVE_FURNITURE_STEP = "removeSiteFurnitureStep";
    public static final String FETCH_IMAGES_STEP = "fetchImagesStep";
    public static final String EXPORT_STEP = "exportPostsStep";
    public static final String PUBLISH_STEP = "publishArchiveStep";

    /**
     * One URL per chunk: the links a page adds must be committed before the reader asks the
     * frontier for the next URL, or the crawl would end while links are still in flight.
     */
    private static final int URLS_PER_CHUNK = 1;
    /** Few images per commit: a kill costs at most this many fetches again, and each may be 5 MB. */
    private static final int IMAGES_PER_CHUNK = 5;

    @Bean
    Job postArchiveJob(JobRepository repository, Step seedFrontierStep, Step crawlPostsStep, Step learnSiteFurnitureStep,
                       Step removeSiteFurnitureStep, Step fetchImagesStep, Step exportPostsStep, Step publishArchiveStep,
                       RunningJobs running, ArchiveMetrics metrics) {
        return new JobBuilder(ARCHIVE_JOB, repository).listener(new RunRecorder(repository)).listener(running)
                .listener(metrics)
                .start(seedFrontierStep).next(crawlPostsStep).next(learnSiteFurnitureStep).next(removeSiteFurnitureStep)
                .next(fetchImagesStep).next(exportPostsStep).next(publishArchiveStep)
                .build();
    }

    @Bean
    Job postCrawlJob(JobRepository repository, Step seedFrontierStep, Step crawlPostsStep, Step learnSiteFurnitureStep,
                     Step removeSiteFurnitureStep, Step fetchImagesStep, RunningJobs running, ArchiveMetrics metrics) {
        return new JobBuilder(CRAWL_JOB, repository).listener(new RunRecorder(repository)).listener(running)
                .listener(metrics)
                .start(seedFrontierStep).next(crawlPostsStep).next(learnSiteFurnitureStep).next(removeSiteFurnitureStep)
                .next(fetchImagesStep)
                .build();
    }

    @Bean
    Job postExportJob(JobRepository repository, Step exportPostsStep, Step publishArchiveStep, RunningJobs running,
                      ArchiveMetrics metrics) {
        return new JobBuilder(EXPORT_JOB, repository).listener(new RunRecorder(repository)).listener(running)
                .listener(metrics)
                .start(exportPostsStep).next(publishArchiveStep)
                .build();
    }

    @Bean
    Step seedFrontierStep(JobRepository repository, PlatformTransactionManager transactions, SeedFrontierTasklet seedFrontierTasklet,
                          WarcArchive warcArchive) {
        // robots.txt of the start hosts is read here, and kept like every other exchange
        return new StepBuilder(SEED_STEP, repository).tasklet(seedFrontierTasklet, transactions).stream(warcArchive).build();
    }

    /**
     * The crawl, split into partitions that run on their own threads: one per lane of the run's
     * frontier (the job's {@code crawl.concurrency}), so several servers are fetched at once while
     * each server keeps to its own lanes. In remote mode the same partitions go to worker processes
     * instead (package {@code remote}), which run {@code crawlPartitionStep} as it is defined here.
     */
    @Bean
    Step crawlPostsStep(JobRepository repository, Step crawlPartitionStep, CrawlPartitioner crawlPartitioner,
                        Frontier frontier, CrawlRuns runs, ProgressConsole console,
                        ObjectProvider<PartitionHandler> remotePartitions) {
        PartitionStepBuilder partitions = new StepBuilder(CRAWL_STEP, repository)
                .partitioner(CRAWL_PARTITION_STEP, crawlPartitioner);
        // with postbinder.remote.enabled, the one partition handler there is sends them to workers
        PartitionHandler remote = remotePartitions.getIfAvailable();
        if (remote != null) {
            partitions.partitionHandler(remote);
        } else {
            SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("crawl-");
            threads.setTaskDecorator(new JobScopeTaskDecorator());
            partitions.step(crawlPartitionStep).taskExecutor(threads);
        }
        return partitions
                .listener(new CrawlPartitionsListener(runs))
                .listener(new CrawlProgressListener(frontier, console))
                .build();
    }

    @Bean
    Step crawlPartitionStep(JobRepository repository, PlatformTransactionManager transactions, FrontierReader frontierReader,
                            ItemProcessor<FrontierEntry, CrawlResult> crawlProcessor, CrawlResultWriter crawlResultWriter,
                            WarcArchive warcArchive, CrawlRuns runs, ProgressConsole console, VisitCounter visitCounter,
                            Frontier frontier) {
        return new StepBuilder(CRAWL_PARTITION_STEP, repository).<FrontierEntry, CrawlResult>chunk(URLS_PER_CHUNK)
                .transactionManager(transactions)
                .reader(frontierReader)
                .processor(crawlProcessor)
                .writer(crawlResultWriter)
                .stream(warcArchive)
                .listener(new VisitLog(console, frontier))
                .listener(visitCounter)
                .listener(new CrawlPartitionsListener(runs))
                .build();
    }

    /** One console for the crawl's status line and the lines its partitions print above it. */
    @Bean
    ProgressConsole progressConsole() {
        return ProgressConsole.system();
    }

    @Bean
    @JobScope
    CrawlPartitioner crawlPartitioner(CrawlRuns runs, RunContext context) {
        return new CrawlPartitioner(runs, context.job().name(), context.run());
    }

    /**
     * Where this run keeps its HTTP exchanges; with WARC files switched off, it keeps nothing. One
     * per job execution, shared by the crawl's partitions, so their records go to one file at a time.
     */
    @Bean
    @JobScope
    WarcArchive warcArchive(OutputProperties output, WarcProperties warc, ProcessRole role,
                            @Value("#{jobParameters['job']}") String jobName, @Value("#{jobParameters['run']}") String run) {
        // a remote worker writes its own files into the same folder (shared with the job's process)
        return new WarcArchive(output.dir().resolve(jobName).resolve("warc"), jobName, run, warc.maxFileSize().toBytes(),
                warc.enabled(), role.workerName().orElse(null));
    }

    @Bean
    Step learnSiteFurnitureStep(JobRepository repository, PlatformTransactionManager transactions,
                                LearnSiteFurnitureTasklet learnSiteFurnitureTasklet) {
        return new StepBuilder(LEARN_FURNITURE_STEP, repository).tasklet(learnSiteFurnitureTasklet, transactions).build();
    }

    /** Removes every learned text from the stored posts of its site; posts with none pass by unwritten. */
    @Bean
    Step removeSiteFurnitureStep(JobRepository repository, PlatformTransactionManager transactions, OutputProperties output,
                                 JdbcPagingItemReader<Post> allPostsReader, ItemProcessor<Post, Post> furnitureRemover,
                                 ItemWriter<Post> postTextWriter) {
        return new StepBuilder(REMOVE_FURNITURE_STEP, repository).<Post, Post>chunk(output.chunkSize())
                .transactionManager(transactions)
                .reader(allPostsReader)
                .processor(furnitureRemover)
                .writer(postTextWriter)
                .build();
    }

    /**
     * Fetches the images the crawl queued, one host's turn at a time. The rows' status is the
     * step's progress: a restart reads the rows still pending, so it goes on after the last
     * committed chunk; an image still pending after a failure for now waits for the next run.
     */
    @Bean
    Step fetchImagesStep(JobRepository repository, PlatformTransactionManager transactions,
                         JdbcPagingItemReader<QueuedImage> queuedImagesReader, FetchImageProcessor fetchImageProcessor,
                         ImageResultWriter imageResultWriter, WarcArchive warcArchive) {
        return new StepBuilder(FETCH_IMAGES_STEP, repository).<QueuedImage, ImageResult>chunk(IMAGES_PER_CHUNK)
                .transactionManager(transactions)
                .reader(queuedImagesReader)
                .processor(fetchImageProcessor)
                .writer(imageResultWriter)
                .stream(warcArchive)
                .build();
    }

    @Bean
    @StepScope
    JdbcPagingItemReader<QueuedImage> queuedImagesReader(DataSource dataSource, RunContext context) throws Exception {
        return new JdbcPagingItemReaderBuilder<QueuedImage>()
                .name("queuedImagesReader")
                .dataSource(dataSource)
                .selectClause("select id, url")
                .fromClause("from images")
                .whereClause("where job_name = :job and status = 'PENDING'")
                .parameterValues(Map.of("job", context.job().name()))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(IMAGES_PER_CHUNK * 10)
                .rowMapper((rs, row) -> new QueuedImage(rs.getLong("id"), rs.getString("url")))
                // a saved position would count rows that committed chunks took out of the pending ones
                .saveState(false)
                .build();
    }

    @Bean
    @StepScope
    FetchImageProcessor fetchImageProcessor(Fetchers fetchers, CrawlProperties crawl, ImageProperties images,
                                            RobotsPolicy robots, HostPacer pacer, OutputProperties output,
                                            WarcArchive warcArchive, RunContext context) {
        JobDefinition job = context.job();
        // kept in the run's WARC files like every other exchange
        FetchSettings settings = crawl.settingsFor(job.crawl()).withMaxBodyBytes(images.maxSize().toBytes())
                .withRecorder(warcArchive);
        return new FetchImageProcessor(fetchers, settings, job.crawl().delay(), robots, pacer,
                MediaStore.of(output.dir(), job.name()));
    }

    @Bean
    @StepScope
    ImageResultWriter imageResultWriter(ImageTable images, RunContext context) {
        return new ImageResultWriter(images, context.run());
    }

    /**
     * Writes the archive's files. Spring Batch records a step COMPLETED before its afterStep
     * listeners run, and the files are finished there (the PDF's second pass): a kill while they
     * are finished leaves a COMPLETED step with unfinished files. So a restarted run always writes
     * its archive again, from the store and in the same window (deterministic), unless it is out.
     */
    @Bean
    Step exportPostsStep(JobRepository repository, PlatformTransactionManager transactions, OutputProperties output,
                         PostsInExportOrder postsReader, ArchiveWriters archiveWriters,
                         StagingFolder stagingFolder) {
        return new StepBuilder(EXPORT_STEP, repository).<Post, Post>chunk(output.chunkSize())
                .transactionManager(transactions)
                .reader(postsReader)
                .writer(archiveWriters)
                .listener(stagingFolder)
                .listener(archiveWriters)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step publishArchiveStep(JobRepository repository, PlatformTransactionManager transactions,
                            PublishArchiveTasklet publishArchiveTasklet) {
        return new StepBuilder(PUBLISH_STEP, repository).tasklet(publishArchiveTasklet, transactions).build();
    }

    /** The job file, read once per job execution, and what is derived from it. */
    @Bean
    @JobScope
    RunContext runContext(JobFileLoader loader, @Value("#{jobParameters['jobFile']}") String jobFile,
                          @Value("#{jobParameters['job']}") String jobName, @Value("#{jobParameters['run']}") String run) {
        return new RunContext(loader.loadForRun(Path.of(jobFile), jobName), run);
    }

    @Bean
    @StepScope
    SeedFrontierTasklet seedFrontierTasklet(Frontier frontier, CrawlRuns runs, RobotsPolicy robots, CrawlProperties crawl,
                                            WarcArchive warcArchive, RunContext context) {
        JobDefinition job = context.job();
        return new SeedFrontierTasklet(frontier, runs, job, context.run(), robots,
                crawl.settingsFor(job.crawl()).withRecorder(warcArchive), context.replay());
    }

    @Bean
    @StepScope
    FrontierReader frontierReader(Frontier frontier, CrawlRuns runs, RunContext context,
                                  @Value("#{stepExecution}") StepExecution step,
                                  @Value("#{stepExecutionContext['partition']}") int partition,
                                  @Value("#{stepExecutionContext['partitions']}") int partitions) {
        return new FrontierReader(frontier, runs, step, context.job().name(), context.run(), partition, partitions);
    }

    @Bean
    @StepScope
    CompositeItemProcessor<FrontierEntry, CrawlResult> crawlProcessor(
            Fetchers fetchers, CrawlProperties crawl, RobotsPolicy robots, HostPacer pacer, FetchState state,
            WarcArchive warcArchive, LinkDiscoverer discoverer, SitemapReader sitemaps, PostExtractor extractor,
            PostCleaner cleaner, CrawlRuns runs, ArchiveMetrics metrics, SiteFurnitureTable furniture, RunContext context) {
        JobDefinition job = context.job();
        // the run's split, not the job file's: a restart must not allow more connections than the lanes
        int connectionsPerHost = runs.lanes(job.name(), context.run()).perHost();
        FetchProcessor fetch = new FetchProcessor(fetchers, crawl.settingsFor(job.crawl()).withRecorder(warcArchive),
                job.crawl().delay(), connectionsPerHost, Scope.of(job), robots, pacer, state, job.name(),
                context.replay());
        PageProcessor read = new PageProcessor(job, discoverer, sitemaps, extractor, cleaner, crawl.retry(),
                crawl.readBudget());
        // what earlier runs learned is gone from new posts at once, so their stored text stays stable
        LearnedFurniture learned = furniture.load(job.name());
        ItemProcessor<CrawlResult, CrawlResult> withoutFurniture = result -> result.withPost(result.post().map(learned::strip));
        return new CompositeItemProcessor<>(List.of(fetch, new FetchCounter(metrics, job.name()), read, withoutFurniture));
    }

    @Bean
    @StepScope
    VisitCounter visitCounter(ArchiveMetrics metrics, Frontier frontier, RunContext context) {
        return new VisitCounter(metrics, frontier, context.job().name());
    }

    @Bean
    @StepScope
    CrawlResultWriter crawlResultWriter(Frontier frontier, CrawlRuns runs, PostRepository posts, FetchState state,
                                        FigureQueue figures, RunContext context) {
        JobDefinition job = context.job();
        return new CrawlResultWriter(frontier, runs, posts, state, figures, job.name(), context.run(), job.scope().maxPages(),
                job.scope().maxPerPattern());
    }

    @Bean
    @StepScope
    LearnSiteFurnitureTasklet learnSiteFurnitureTasklet(PostRepository posts, SiteFurnitureTable furniture,
                                                        RunContext context) {
        return new LearnSiteFurnitureTasklet(posts, furniture, context.job(), context.run());
    }

    /** Every post of the job, by id, a page at a time: a restart continues after the last page written. */
    @Bean
    @StepScope
    JdbcPagingItemReader<Post> allPostsReader(DataSource dataSource, PostRepository posts, OutputProperties output,
                                              RunContext context) throws Exception {
        return new JdbcPagingItemReaderBuilder<Post>()
                .name("allPostsReader")
                .dataSource(dataSource)
                .selectClause("select *")
                .fromClause("from posts")
                .whereClause("where job_name = :job")
                .parameterValues(Map.of("job", context.job().name()))
                .sortKeys(Map.of("id", Order.ASCENDING))
                .pageSize(output.chunkSize())
                .rowMapper(posts.rowMapper())
                .build();
    }

    /** A post without its site's learned furniture; null (nothing to write) when it had none. */
    @Bean
    @StepScope
    ItemProcessor<Post, Post> furnitureRemover(SiteFurnitureTable furniture, RunContext context) {
        LearnedFurniture learned = furniture.load(context.job().name());
        return post -> {
            Post stripped = learned.strip(post);
            return stripped == post ? null : stripped;
        };
    }

    @Bean
    @StepScope
    ItemWriter<Post> postTextWriter(PostRepository posts, RunContext context) {
        String job = context.job().name();
        return chunk -> chunk.forEach(post -> posts.rewriteText(job, post));
    }

    /**
     * The posts of the run's archive, in archive order: all of the job's (snapshot), or those stored
     * or changed within the run's export window (incremental), which is fixed on the first start.
     * Read a page of rows at a time, whatever the database ({@link PostsInExportOrder}), and from the
     * first post again on restart, since the writers rewrite their files from the start.
     */
    @Bean
    @StepScope
    PostsInExportOrder postsReader(PostRepository posts, ExportWindows windows, RunContext context) {
        String job = context.job().name();
        ExportWindows.Window window = windows.open(job, context.run(), context.job().export().mode());
        return posts.inExportOrder(window.mode() == ArchiveMode.INCREMENTAL
                ? PostRepository.Selection.changedWithin(job, window.from().orElse(Instant.EPOCH), window.to())
                : PostRepository.Selection.all(job));
    }

    @Bean
    @StepScope
    ArchiveWriters archiveWriters(OutputProperties output, JsonMapper json, ArchiveMetrics metrics, ImageTable images,
                                  RunContext context) {
        JobDefinition job = context.job();
        String run = context.run();
        ArchiveLocation location = output.location(job.name(), run);
        Path staging = location.staging();
        MediaStore media = MediaStore.of(output.dir(), job.name());
        FigureFiles figureFiles = url -> images.find(job.name(), url).map(image -> media.file(image.sha256(), image.mediaType()))
                .filter(Files::isRegularFile);
        List<ArchiveFileWriter> writers = new ArrayList<>();
        for (JobDefinition.Format format : JobDefinition.Format.values()) {
            if (job.export().formats().contains(format)) {
                writers.add(timed(metrics, job, format.name(), switch (format) {
                    case CSV -> new CsvPostWriter(staging.resolve(ArchiveLocation.CSV), job.export().csv());
                    case JSON -> new JsonPostWriter(staging.resolve(ArchiveLocation.JSON), json);
                    case JSONL -> new JsonLinesPostWriter(staging.resolve(ArchiveLocation.JSON_LINES), json);
                    case PDF -> new PdfVolumeWriter(staging.resolve(location.pdfName()),
                            new PdfVolumeWriter.VolumeInfo(job.title(), job.name(), run), figureFiles);
                }));
            }
        }
        if (job.export().formats().contains(JobDefinition.Format.PDF) && job.export().pdfPerPost()) {
            writers.add(timed(metrics, job, "pdf-per-post", new PostPdfWriter(staging.resolve(ArchiveLocation.POSTS_FOLDER), figureFiles)));
        }
        return new ArchiveWriters(writers);
    }

    private static ArchiveFileWriter timed(ArchiveMetrics metrics, JobDefinition job, String format, ArchiveFileWriter writer) {
        return new TimedArchiveFileWriter(writer, metrics.export(job.name(), format));
    }

    @Bean
    @StepScope
    StagingFolder stagingFolder(OutputProperties output, @Value("#{jobParameters['job']}") String job,
                                @Value("#{jobParameters['run']}") String run) {
        return new StagingFolder(output.location(job, run));
    }

    @Bean
    @StepScope
    PublishArchiveTasklet publishArchiveTasklet(ArchivePublisher publisher, JobRepository repository, Frontier frontier,
                                                ExportWindows windows, OutputProperties output, RunContext context) {
        JobDefinition job = context.job();
        return new PublishArchiveTasklet(publisher, repository, frontier, windows, job,
                output.location(job.name(), context.run()));
    }
}
