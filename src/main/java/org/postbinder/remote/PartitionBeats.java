package org.postbinder.remote;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.postbinder.job.ArchiveJobConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A running partition's sign of life: its worker sets the step execution's {@code LAST_UPDATED} in
 * the shared job repository every heartbeat, as Spring Batch does itself at every commit, and the
 * manager reads it. A partition waiting for other partitions' links commits nothing for as long as
 * they take, so the commits alone cannot tell a waiting partition from one whose worker died. The
 * beat leaves {@code VERSION} alone, so it never fails the worker's next commit. Times are the
 * workers' and the manager's clocks, as Spring Batch's own are: keep them in step (NTP).
 */
@Repository
class PartitionBeats {

    private final JdbcClient jdbc;
    private final String table;

    PartitionBeats(JdbcClient jdbc, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        this.jdbc = jdbc;
        this.table = tablePrefix + "STEP_EXECUTION";
    }

    /** Marks these partitions alive now; a partition no longer running (ended, or failed as lost) is left as it is. */
    void beat(Collection<Long> stepExecutionIds) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (long id : stepExecutionIds) {
            jdbc.sql("update " + table + " set LAST_UPDATED = :now where STEP_EXECUTION_ID = :id and STATUS = 'STARTED'")
                    .param("now", now).param("id", id).update();
        }
    }

    /** The crawl partitions of a job execution that a worker runs but has not marked alive since {@code since}. */
    List<Long> silentSince(long jobExecutionId, LocalDateTime since) {
        return partitions(jobExecutionId, "STARTED", " and LAST_UPDATED < :since", Timestamp.valueOf(since));
    }

    /** The crawl partitions of a job execution still in the queue: no worker has taken them. */
    List<Long> queued(long jobExecutionId) {
        return partitions(jobExecutionId, "STARTING", "", null);
    }

    private List<Long> partitions(long jobExecutionId, String status, String andWhere, @Nullable Timestamp since) {
        JdbcClient.StatementSpec query = jdbc.sql("select STEP_EXECUTION_ID from " + table
                        + " where JOB_EXECUTION_ID = :job and STEP_NAME like :partitions and STATUS = :status" + andWhere)
                .param("job", jobExecutionId)
                .param("partitions", ArchiveJobConfiguration.CRAWL_PARTITION_STEP + ":%")
                .param("status", status);
        if (since != null) {
            query = query.param("since", since);
        }
        return query.query(Long.class).list();
    }
}
