package org.postbinder.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postbinder.crawl.CrawlRuns;
import org.postbinder.support.TestDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The manager's watch over a remote crawl, on a real job repository (H2, or PostgreSQL with
 * {@code -Ppostgres}): which partitions count as lost, and what is done about it.
 */
class LostWorkersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private JdbcClient jdbc;
    private JobRepository repository;
    private CrawlRuns runs;
    private PartitionBeats beats;
    private JobExecution job;
    private StepExecution manager;

    @BeforeEach
    void aCrawlUnderWay() throws Exception {
        DataSource dataSource = TestDatabase.fresh();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-"
                + (TestDatabase.isPostgres() ? "postgresql" : "h2") + ".sql")).execute(dataSource);
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new JdbcTransactionManager(dataSource));
        factory.afterPropertiesSet();
        repository = factory.getObject();
        jdbc = JdbcClient.create(dataSource);
        runs = new CrawlRuns(jdbc);
        beats = new PartitionBeats(jdbc, "BATCH_");
        JobParameters parameters = new JobParametersBuilder().addString("job", "harbour").addString("run", "r1")
                .toJobParameters();
        JobInstance instance = repository.createJobInstance("postArchiveJob", parameters);
        job = repository.createJobExecution(instance, parameters, new ExecutionContext());
        manager = repository.createStepExecution("crawlPostsStep", job);
    }

    @Test
    void aPartitionSilentPastTheTimeoutFailsWithTheQueuedOnesAndTheRunsOtherPartitionsAreStopped() {
        // given: partition 0's worker last beat 30 s ago; partition 1's just now; partition 2 is still queued
        StepExecution silent = started("crawlPartitionStep:partition0", 30);
        StepExecution alive = started("crawlPartitionStep:partition1", 0);
        StepExecution queued = repository.createStepExecution("crawlPartitionStep:partition2", job);

        // when
        new LostWorkers(beats, repository, runs, TIMEOUT).check(manager);

        // then
        assertThat(now(silent).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(now(silent).getExitStatus().getExitDescription()).contains("a worker was lost");
        assertThat(now(silent).getEndTime()).isNotNull();
        assertThat(now(queued).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(now(alive).getStatus()).as("left to stop when it reads the news").isEqualTo(BatchStatus.STARTED);
        assertThat(runs.aborted("harbour", "r1")).hasValueSatisfying(reason -> assertThat(reason).contains("a worker was lost"));
    }

    @Test
    void aPartitionWhoseWorkerBeatsIsAliveHoweverLongAgoItCommitted() {
        // given: no commit for 30 s (waiting for the others' links), but a beat now
        StepExecution waiting = started("crawlPartitionStep:partition0", 30);
        beats.beat(List.of(waiting.getId()));

        // when
        new LostWorkers(beats, repository, runs, TIMEOUT).check(manager);

        // then
        assertThat(now(waiting).getStatus()).isEqualTo(BatchStatus.STARTED);
        assertThat(runs.aborted("harbour", "r1")).isEmpty();
    }

    @Test
    void aBeatLeavesTheVersionAloneSoTheWorkersNextCommitSucceeds() {
        StepExecution running = started("crawlPartitionStep:partition0", 30);

        beats.beat(List.of(running.getId()));
        running.setWriteCount(1);
        repository.update(running);

        assertThat(now(running).getWriteCount()).isEqualTo(1);
    }

    /** A partition a worker has started, whose last sign of life was this many seconds ago. */
    private StepExecution started(String name, int secondsAgo) {
        StepExecution partition = repository.createStepExecution(name, job);
        partition.setStatus(BatchStatus.STARTED);
        partition.setStartTime(LocalDateTime.now().minusMinutes(1));
        repository.update(partition);
        jdbc.sql("update BATCH_STEP_EXECUTION set LAST_UPDATED = :at where STEP_EXECUTION_ID = :id")
                .param("at", Timestamp.valueOf(LocalDateTime.now().minusSeconds(secondsAgo))).param("id", partition.getId())
                .update();
        return partition;
    }

    private StepExecution now(StepExecution partition) {
        return repository.getStepExecution(partition.getId());
    }
}
