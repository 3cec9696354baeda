package org.postbinder.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The job executions running in this process, as the jobs themselves hold them: stopping one of
 * these objects (rather than a copy read from the database) is seen at once by every thread of the
 * job, including crawl partitions that are waiting for work and so reach no chunk boundary.
 */
@Component
public class RunningJobs implements JobExecutionListener {

    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution.getId(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until no job runs here, or the time is up; true when none runs. */
    public synchronized boolean awaitNone(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!running.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    public List<JobExecution> current() {
        return List.copyOf(running.values());
    }
}
