package org.postbinder.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The runs of a job as the job repository holds them: a run is one job and run id, and each
 * attempt at it (the first start, then each restart, of the whole pipeline or of one half) is an
 * execution. Newest first.
 */
@Repository
public class RunHistory {

    private final JdbcClient jdbc;
    private final JobRepository repository;

    public RunHistory(JdbcClient jdbc, JobRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** One run of a job and its executions, newest first. */
    public record Run(String job, String run, List<JobExecution> executions) {
        public Run {
            executions = List.copyOf(executions);
        }

        public JobExecution latest() {
            return executions.get(0);
        }

        public boolean isRunning() {
            return executions.stream().anyMatch(JobExecution::isRunning);
        }
    }

    /** The job's latest runs, newest first. */
    public List<Run> runs(String job, int limit) {
        Map<String, List<Long>> idsByRun = new LinkedHashMap<>();
        for (IdAndRun row : executionIds(job, null)) {
            if (idsByRun.size() == limit && !idsByRun.containsKey(row.run())) {
                break;
            }
            idsByRun.computeIfAbsent(row.run(), key -> new ArrayList<>()).add(row.id());
        }
        return idsByRun.entrySet().stream().map(entry -> load(job, entry.getKey(), entry.getValue())).toList();
    }

    public Optional<Run> run(String job, String run) {
        // LIKE narrows the query; '_' in a run id is a wildcard there, so the match is made exact here
        List<Long> ids = executionIds(job, run).stream().filter(row -> row.run().equals(run)).map(IdAndRun::id).toList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(load(job, run, ids));
    }

    private record IdAndRun(long id, String run) {}

    private List<IdAndRun> executionIds(String job, @Nullable String run) {
        JdbcClient.StatementSpec query = jdbc.sql("""
                        select e.JOB_EXECUTION_ID, r.PARAMETER_VALUE as RUN_ID
                        from BATCH_JOB_EXECUTION e
                        join BATCH_JOB_EXECUTION_PARAMS j on j.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID and j.PARAMETER_NAME = 'job'
                        join BATCH_JOB_EXECUTION_PARAMS r on r.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID and r.PARAMETER_NAME = 'run'
                        where j.PARAMETER_VALUE = :job and r.PARAMETER_VALUE like :run
                        order by e.JOB_EXECUTION_ID desc
                        """)
                .param("job", job).param("run", run == null ? "%" : run);
        return query.query((rs, row) -> new IdAndRun(rs.getLong(1), rs.getString(2)))
                .list();
    }

    private Run load(String job, String run, List<Long> ids) {
        return new Run(job, run, ids.stream().map(repository::getJobExecution).filter(Objects::nonNull).toList());
    }
}
