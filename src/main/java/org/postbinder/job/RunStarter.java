package org.postbinder.job;

import java.time.LocalDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts runs for every caller (command line, schedule, web page, API), each holding
 * the job's lease while it runs, so that two runs of one job never overlap. Both calls return when
 * the run has ended.
 */
@Component
public class RunStarter {

    private static final Logger log = LoggerFactory.getLogger("org.postbinder.progress");

    private final JobOperator operator;
    private final JobRepository repository;
    private final JobLeases leases;

    public RunStarter(JobOperator operator, JobRepository repository, JobLeases leases) {
        this.operator = operator;
        this.repository = repository;
        this.leases = leases;
    }

    public JobExecution start(Job batchJob, JobDefinition job, String run) throws Exception {
        return start(batchJob, job, run, reserve(job.name(), run));
    }

    /**
     * Takes the job's lease for a run to start later, on another thread: a caller that must answer
     * at once (the web page) learns here that the job is busy. The lease goes to {@code start}.
     */
    public JobLeases.Lease reserve(String job, String run) {
        return leases.acquire(job, run);
    }

    /**
     * Starts a run under a lease already taken; releases it when the run ends. A run id used before
     * continues that run where it stopped: failed, stopped, or killed (left STARTED by a process that
     * is gone, since the lease would not be ours while its process lived). A completed run is not
     * run again: its execution is returned as it is.
     */
    public JobExecution start(Job batchJob, JobDefinition job, String run, JobLeases.Lease lease) throws Exception {
        try (lease) {
            JobParameters parameters = RunParameters.of(job, run);
            JobExecution last = repository.getLastJobExecution(batchJob.getName(), parameters);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                // running the same job and run id again (a retried cron line) must not run it twice
                log.info("run {} of job {} completed already; nothing to do", run, job.name());
                return last;
            }
            if (last != null) {
                resume(last);
            }
            return operator.start(batchJob, parameters);
        }
    }

    /**
     * Continues a failed, stopped or killed run where it stopped. A run left STARTED by a process
     * that is gone (killed, or the machine went down) is first marked failed; one whose process is
     * alive is refused.
     */
    public JobExecution restart(long executionId) throws Exception {
        return restart(executionId, reserveRestart(executionId));
    }

    /** Checks that the execution can be restarted and takes its job's lease, for {@code restart} on another thread. */
    public JobLeases.Lease reserveRestart(long executionId) {
        JobExecution execution = restartable(executionId);
        return leases.acquire(execution.getJobParameters().getString(RunParameters.JOB),
                execution.getJobParameters().getString(RunParameters.RUN));
    }

    /** Restarts under a lease already taken; releases it when the run ends. */
    public JobExecution restart(long executionId, JobLeases.Lease lease) throws Exception {
        try (lease) {
            JobExecution execution = resume(restartable(executionId));
            return operator.restart(execution);
        }
    }

    /**
     * Makes the last execution of a run restartable: one left running by a process that is gone is
     * recovered (marked failed). One that ended UNKNOWN, or ended with steps still marked running,
     * because the database went away while its chunks rolled back, has those marked failed too.
     * Spring Batch leaves both to an operator, but every step of these jobs continues from what its
     * chunks committed (the frontier and the store) and the export writes its files afresh, so
     * nothing is done twice. Called under the job's lease, so no live process runs the execution.
     */
    private JobExecution resume(JobExecution execution) {
        if (execution.isRunning()) {
            return operator.recover(execution);
        }
        LocalDateTime now = LocalDateTime.now();
        ExitStatus lost = ExitStatus.FAILED.addExitDescription("the database was lost while the run wrote; it continues "
                + "from what was committed");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus() == BatchStatus.UNKNOWN || step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(lost);
                step.setEndTime(step.getEndTime() == null ? now : step.getEndTime());
                repository.update(step);
            }
        }
        if (execution.getStatus() == BatchStatus.UNKNOWN) {
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(lost);
            execution.setEndTime(execution.getEndTime() == null ? now : execution.getEndTime());
            repository.update(execution);
        }
        return execution;
    }

    /** Checks that an execution can be restarted now, and returns it; the reason why not otherwise. */
    public JobExecution restartable(long executionId) {
        JobExecution execution = find(executionId)
                .orElseThrow(() -> new IllegalArgumentException("no execution " + executionId + " (see `postbinder runs`)"));
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            throw new IllegalStateException("execution " + executionId + " completed; there is nothing to restart");
        }
        if (execution.isRunning()) {
            Optional<ProcessOwner> owner = RunRecorder.owner(execution);
            if (owner.isPresent() && !owner.get().isGone()) {
                throw new JobBusyException("execution " + executionId + " is still running in " + owner.get());
            }
        }
        return execution;
    }

    public Optional<JobExecution> find(long executionId) {
        try {
            return Optional.ofNullable(repository.getJobExecution(executionId));
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
    }
}
