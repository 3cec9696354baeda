package org.postbinder.job;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One run of a job at a time, across every process on the database: a run holds the job's lease
 * (a row keyed by the job name) from before it starts until it ends. A lease left by a killed
 * process on this host is taken over; one held on another host is respected.
 */
@Repository
public class JobLeases {

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public JobLeases(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    JobLeases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who holds a job's lease, and for which run. */
    public record Holder(String run, ProcessOwner owner, Instant since) {}

    /**
     * Takes the job's lease for a run, or throws {@link JobBusyException} naming the run that holds it.
     * The lease is released by closing it.
     */
    public Lease acquire(String job, String run) {
        ProcessOwner me = ProcessOwner.current();
        if (insert(job, run, me)) {
            return new Lease(this, job, run, me);
        }
        Holder holder = holder(job).orElse(null);
        if (holder != null && holder.owner().isGone() && takeOver(job, holder, run, me)) {
            return new Lease(this, job, run, me);
        }
        if (holder == null && insert(job, run, me)) {
            return new Lease(this, job, run, me);
        }
        throw new JobBusyException(holder == null ? "job " + job + " is starting in another process"
                : "job " + job + " is already running (run " + holder.run() + ", " + holder.owner() + ", since "
                        + holder.since() + ")");
    }

    public Optional<Holder> holder(String job) {
        return jdbc.sql("select run_id, owner_host, owner_pid, acquired_at from job_leases where job_name = :job")
                .param("job", job)
                .query((rs, row) -> new Holder(rs.getString("run_id"),
                        new ProcessOwner(rs.getString("owner_host"), rs.getLong("owner_pid")),
                        rs.getObject("acquired_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private boolean insert(String job, String run, ProcessOwner me) {
        try {
            jdbc.sql("""
                            insert into job_leases (job_name, run_id, owner_host, owner_pid, acquired_at)
                            values (:job, :run, :host, :pid, :now)
                            """)
                    .param("job", job).param("run", run).param("host", me.host()).param("pid", me.pid())
                    .param("now", now())
                    .update();
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Replaces a dead holder's lease, only if nobody replaced it first. */
    private boolean takeOver(String job, Holder dead, String run, ProcessOwner me) {
        return jdbc.sql("""
                        update job_leases set run_id = :run, owner_host = :host, owner_pid = :pid, acquired_at = :now
                        where job_name = :job and owner_host = :deadHost and owner_pid = :deadPid
                        """)
                .param("job", job).param("run", run).param("host", me.host()).param("pid", me.pid()).param("now", now())
                .param("deadHost", dead.owner().host()).param("deadPid", dead.owner().pid())
                .update() == 1;
    }

    void release(String job, ProcessOwner owner) {
        jdbc.sql("delete from job_leases where job_name = :job and owner_host = :host and owner_pid = :pid")
                .param("job", job).param("host", owner.host()).param("pid", owner.pid())
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** A held lease; closing it lets the next run of the job start. */
    public record Lease(JobLeases leases, String job, String run, ProcessOwner owner) implements AutoCloseable {
        @Override
        public void close() {
            leases.release(job, owner);
        }
    }
}
