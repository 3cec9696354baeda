package org.postbinder.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.postbinder.crawl.CrawlRuns;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run's crawl into as many partitions as the run has lanes (the job's {@code concurrency},
 * fixed when the run was seeded, so a restart splits it the same way whatever the job file says
 * now). Partition {@code p} of {@code n} reads the lanes numbered {@code p} modulo {@code n}.
 */
class CrawlPartitioner implements Partitioner {

    static final String PARTITION = "partition";
    static final String PARTITIONS = "partitions";

    private final CrawlRuns runs;
    private final String job;
    private final String run;

    CrawlPartitioner(CrawlRuns runs, String job, String run) {
        this.runs = runs;
        this.job = job;
        this.run = run;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = runs.lanes(job, run).count();
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, partition);
            context.putInt(PARTITIONS, partitions);
            contexts.put(PARTITION + partition, context);
        }
        return contexts;
    }
}
