package org.postbinder.job;

import org.postbinder.crawl.CrawlRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Keeps a crawl's partitions together. A partition that fails tells the others (through the
 * database, so it works across processes), since they would otherwise wait for ever for the URLs it
 * left pending; they stop, the crawl fails, and a restart resumes every partition. When the crawl
 * step (re)starts, the news is cleared.
 */
class CrawlPartitionsListener implements StepExecutionListener {

    private final CrawlRuns runs;

    CrawlPartitionsListener(CrawlRuns runs) {
        this.runs = runs;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (!isPartition(stepExecution)) {
            runs.clearAbort(job(stepExecution), run(stepExecution));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // a stopped partition needs no telling: the others see the job stopping themselves
        if (isPartition(stepExecution) && stepExecution.getStatus() == BatchStatus.FAILED) {
            String reason = stepExecution.getFailureExceptions().stream().findFirst()
                    .map(failure -> RunFailures.deepest(failure).getMessage())
                    .orElse(stepExecution.getExitStatus().getExitDescription());
            runs.abort(job(stepExecution), run(stepExecution), stepExecution.getStepName() + ": " + reason);
        }
        return stepExecution.getExitStatus();
    }

    private static boolean isPartition(StepExecution stepExecution) {
        return stepExecution.getExecutionContext().containsKey(CrawlPartitioner.PARTITION);
    }

    private static String job(StepExecution stepExecution) {
        return stepExecution.getJobParameters().getString(RunParameters.JOB, "");
    }

    private static String run(StepExecution stepExecution) {
        return stepExecution.getJobParameters().getString(RunParameters.RUN, "");
    }
}
