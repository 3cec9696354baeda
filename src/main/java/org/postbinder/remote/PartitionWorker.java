package org.postbinder.remote;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.postbinder.job.ArchiveJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.JobSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.DisposableBean;

/**
 * A worker's side of a remote crawl: runs the partition a request names with the worker's own
 * {@code crawlPartitionStep} (Spring Batch Integration's handler does the running), and beats for
 * it while it runs ({@link PartitionBeats}). Three guards come first:
 * <ul>
 * <li>only the crawl's partition step is run, whatever else a message may name;</li>
 * <li>a partition is run only from its first state, STARTING: a request delivered again (RabbitMQ
 *     gives an unacknowledged message to another worker when its worker dies) names a partition
 *     that a worker started already, or that the manager failed as lost. Running it a second time
 *     could put two workers on one server's lanes at once;</li>
 * <li>the job's scope is opened on the worker's thread, as the job's own process opens it for its
 *     threads: the steps' beans read the job file and the run's WARC archive from it.</li>
 * </ul>
 * Thread-safe: the queue's consumers call it at once.
 */
class PartitionWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final JobRepository repository;
    private final StepExecutionRequestHandler runner = new StepExecutionRequestHandler();
    private final PartitionBeats beats;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heart = Daemons.timer("partition-heartbeat");

    PartitionWorker(JobRepository repository, Step crawlPartitionStep, PartitionBeats beats, RemoteProperties settings) {
        this.repository = repository;
        this.beats = beats;
        runner.setJobRepository(repository);
        runner.setStepLocator(name -> crawlPartitionStep);
        long every = settings.heartbeatInterval().toMillis();
        heart.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs the partition, to its end; returns at once for a request it must not run (see above). */
    void run(PartitionRequest request) {
        if (!request.step().equals(ArchiveJobConfiguration.CRAWL_PARTITION_STEP)) {
            log.warn("  ignored     a request for step {}: a worker runs only {}", request.step(),
                    ArchiveJobConfiguration.CRAWL_PARTITION_STEP);
            return;
        }
        StepExecution partition = repository.getStepExecution(request.stepExecutionId());
        if (partition == null) {
            log.warn("  ignored     a request for step execution {}, which the job repository does not have",
                    request.stepExecutionId());
            return;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("  ignored     {} (step execution {}): already {}", partition.getStepName(), partition.getId(),
                    partition.getStatus());
            return;
        }
        log.info("  partition   {} of execution {} (step execution {})", partition.getStepName(),
                partition.getJobExecutionId(), partition.getId());
        running.add(partition.getId());
        JobSynchronizationManager.register(partition.getJobExecution());
        try {
            StepExecution ended = runner.handle(new StepExecutionRequest(request.step(), request.stepExecutionId()));
            recordIfUnrecorded(ended);
            log.info("  partition   {} of execution {}: {}", ended.getStepName(), ended.getJobExecutionId(),
                    ended.getStatus());
        } finally {
            running.remove(partition.getId());
            // close, not release: releasing would destroy the job-scoped beans that this job's other
            // partitions on this worker are still using
            JobSynchronizationManager.close();
        }
    }

    /**
     * The step records its own end; only a failure thrown past it (which Spring Batch Integration
     * leaves to the receiver) is recorded here, or the manager would wait for the partition for ever.
     */
    private void recordIfUnrecorded(StepExecution ended) {
        if (ended.getEndTime() == null && !ended.getStatus().isRunning()) {
            ended.setEndTime(LocalDateTime.now());
            repository.update(ended);
        }
    }

    private void beat() {
        try {
            if (!running.isEmpty()) {
                beats.beat(Set.copyOf(running));
            }
        } catch (RuntimeException e) {
            // a missed beat is what a lost worker looks like; the timeout allows for a few
            log.warn("cannot mark the running partitions alive: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        heart.shutdownNow();
    }
}
