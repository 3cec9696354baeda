package org.postbinder.crawl;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The crawl of one run as a whole, shared by the partitions that crawl it in parallel (threads of
 * one process, or worker processes on one database): how its frontier is split into lanes, the row
 * its writers lock to take turns, and the news that one partition failed so the others stop too.
 */
@Repository
public class CrawlRuns {

    private final JdbcClient jdbc;
    /** A run's split never changes once recorded, and every new URL needs it: read once per run. */
    private final Map<String, Lanes> recorded = new ConcurrentHashMap<>();

    public CrawlRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How a run's frontier is split: {@code count} partitions read it, and each server's URLs are
     * spread over {@code perHost} lanes, which bounds how many partitions fetch from it at once.
     */
    public record Lanes(int count, int perHost) {
        public Lanes {
            if (count < 1 || perHost < 1) {
                throw new IllegalArgumentException("lanes must be positive: " + count + ", " + perHost);
            }
        }
    }

    /** Records how the run is split, the first time only: a restarted run keeps its first split. */
    public void open(String job, String run, Lanes lanes) {
        jdbc.sql("""
                        insert into crawl_runs (job_name, run_id, lanes, lanes_per_host)
                        select :job, :run, :lanes, :perHost
                        where not exists (select 1 from crawl_runs where job_name = :job and run_id = :run)
                        """)
                .param("job", job).param("run", run).param("lanes", lanes.count()).param("perHost", lanes.perHost())
                .update();
    }

    /** How the run is split; one lane, one per host, for a run not yet opened. */
    public Lanes lanes(String job, String run) {
        Lanes known = recorded.get(job + "\u0000" + run);
        if (known != null) {
            return known;
        }
        Optional<Lanes> stored = jdbc.sql("select lanes, lanes_per_host from crawl_runs where job_name = :job and run_id = :run")
                .param("job", job).param("run", run)
                .query((rs, row) -> new Lanes(rs.getInt("lanes"), rs.getInt("lanes_per_host")))
                .optional();
        stored.ifPresent(lanes -> recorded.put(job + "\u0000" + run, lanes));
        return stored.orElse(new Lanes(1, 1));
    }

    /**
     * Locks the run's row until the caller's transaction ends: the writers of a run's partitions
     * take turns, so the page caps are exact and no two of them queue the same URL at once.
     */
    public void lock(String job, String run) {
        // single(): a run with no row would lock nothing, silently
        jdbc.sql("select lanes from crawl_runs where job_name = :job and run_id = :run for update")
                .param("job", job).param("run", run).query(Integer.class).single();
    }

    /**
     * The lane of a URL: its server's lanes follow from the order the run first saw the server in,
     * and a URL takes one of them by its hash, so each server sticks to at most {@code perHost} lanes.
     */
    int laneOf(String job, String run, URI url) {
        Optional<String> host = HostKey.of(url);
        if (host.isEmpty()) {
            return 0;
        }
        int perHost = lanes(job, run).perHost();
        return ordinal(job, run, host.get()) * perHost + Math.floorMod(url.toString().hashCode(), perHost);
    }

    /** Called by the run's writers in turn (under {@link #lock}) or by its seeding, so the check and insert do not race. */
    private int ordinal(String job, String run, String host) {
        Optional<Integer> known = jdbc.sql("select ordinal from crawl_hosts where job_name = :job and run_id = :run and host = :host")
                .param("job", job).param("run", run).param("host", host).query(Integer.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        int next = jdbc.sql("select coalesce(max(ordinal) + 1, 0) from crawl_hosts where job_name = :job and run_id = :run")
                .param("job", job).param("run", run).query(Integer.class).single();
        jdbc.sql("insert into crawl_hosts (job_name, run_id, host, ordinal) values (:job, :run, :host, :ordinal)")
                .param("job", job).param("run", run).param("host", host).param("ordinal", next).update();
        return next;
    }

    /**
     * The news that asks the run's partitions to stop (STOPPED, to be restarted) rather than fail: the
     * job was asked to stop while its partitions run in worker processes, where a partition waiting
     * for others' links reaches no chunk boundary to see the job's own status at.
     */
    public static final String STOP_REQUESTED = "the run was asked to stop";

    /** Asks the run's partitions, in every process, to stop at their next read. */
    public void requestStop(String job, String run) {
        abort(job, run, STOP_REQUESTED);
    }

    /** Tells the run's other partitions to stop: one failed, and the run will be restarted as a whole. */
    public void abort(String job, String run, String reason) {
        jdbc.sql("""
                        insert into crawl_aborts (job_name, run_id, reason)
                        select :job, :run, :reason
                        where not exists (select 1 from crawl_aborts where job_name = :job and run_id = :run)
                        """)
                .param("reason", reason.length() <= 1000 ? reason : reason.substring(0, 1000))
                .param("job", job).param("run", run).update();
    }

    public Optional<String> aborted(String job, String run) {
        return jdbc.sql("select reason from crawl_aborts where job_name = :job and run_id = :run")
                .param("job", job).param("run", run).query(String.class).optional();
    }

    /** A (re)started crawl starts with no partition failed. */
    public void clearAbort(String job, String run) {
        jdbc.sql("delete from crawl_aborts where job_name = :job and run_id = :run")
                .param("job", job).param("run", run).update();
    }
}
