package org.postbinder.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.postbinder.PostbinderApplication;
import org.postbinder.cli.CliRunner;
import org.postbinder.job.ArchiveJobConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The measured half of the export benchmark, run in a JVM of its own (with {@code -Xmx512m}) in a
 * Postbinder home that {@link BenchStore} filled: runs {@code postbinder export JOBFILE --run-id RUN}
 * as the command line does (the same application, settings and job), then prints one line that
 * {@link ExportJobBenchmark} reads: the exit code, the export step's time, each format's writer
 * time (the {@code postbinder.export} timer: opening, writing and finishing that format's file; the
 * posts' reading is shared and not in it), and the heap around every garbage collection.
 * <p>
 * Memory is read from the collector's notifications: the heap in use just before a collection is
 * the most the program had allocated at that moment (garbage included), after it an upper bound of
 * what was still live (a young collection leaves old garbage in place). The largest of each over
 * the run is what is printed; between collections the heap may have held a little more than the
 * largest "before" figure, never more than the maximum heap.
 */
public final class ExportRun {

    private static final AtomicLong MOST_BEFORE_GC = new AtomicLong();
    private static final AtomicLong MOST_AFTER_GC = new AtomicLong();
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    private static final AtomicLong GC_MILLIS = new AtomicLong();

    private ExportRun() {
    }

    /** Arguments: the job file and the run id; the working folder is the Postbinder home. */
    public static void main(String[] args) {
        watchCollections();
        long start = System.nanoTime();
        ConfigurableApplicationContext context = SpringApplication.run(PostbinderApplication.class,
                "export", args[0], "--run-id", args[1]);
        double seconds = (System.nanoTime() - start) / 1e9;
        int exitCode = context.getBean(CliRunner.class).getExitCode();
        StringBuilder line = new StringBuilder("RESULT exit=" + exitCode);
        line.append(String.format(Locale.ROOT, " total=%.2f job=%.2f publish=%.2f", seconds, jobSeconds(context),
                stepSeconds(context, ArchiveJobConfiguration.PUBLISH_STEP)));
        for (Timer timer : context.getBean(MeterRegistry.class).find("postbinder.export").timers()) {
            line.append(String.format(Locale.ROOT, " %s=%.2f", timer.getId().getTag("format"), timer.totalTime(TimeUnit.NANOSECONDS) / 1e9));
        }
        line.append(" heapBeforeGc=").append(MOST_BEFORE_GC.get()).append(" heapAfterGc=").append(MOST_AFTER_GC.get())
                .append(" poolPeaks=").append(poolPeaks()).append(" maxHeap=").append(Runtime.getRuntime().maxMemory())
                .append(" collections=").append(COLLECTIONS.get()).append(" gcMillis=").append(GC_MILLIS.get());
        System.out.println(line);
        System.exit(SpringApplication.exit(context));
    }

    /**
     * The export job's time, from the job repository's record of this run (the only one in the
     * benchmark's store): the export step, the files' finishing (the PDF's second pass, which runs
     * after the step's end is recorded) and publishing.
     */
    private static double jobSeconds(ConfigurableApplicationContext context) {
        Double seconds = context.getBean(JdbcTemplate.class).queryForObject(
                "select max(datediff('MILLISECOND', start_time, end_time)) / 1000.0 from batch_job_execution", Double.class);
        return seconds == null ? Double.NaN : seconds;
    }

    /** The step's time from the job repository's record of this run. */
    private static double stepSeconds(ConfigurableApplicationContext context, String step) {
        Double seconds = context.getBean(JdbcTemplate.class).queryForObject("""
                select max(datediff('MILLISECOND', start_time, end_time)) / 1000.0 from batch_step_execution where step_name = ?
                """, Double.class, step);
        return seconds == null ? Double.NaN : seconds;
    }

    private static void watchCollections() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                MOST_BEFORE_GC.accumulateAndGet(used(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools), Math::max);
                MOST_AFTER_GC.accumulateAndGet(used(info.getGcInfo().getMemoryUsageAfterGc(), heapPools), Math::max);
                COLLECTIONS.incrementAndGet();
                GC_MILLIS.addAndGet(info.getGcInfo().getDuration());
            }, null, null);
        }
    }

    private static long used(Map<String, MemoryUsage> pools, Set<String> heapPools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    /** The sum of the heap pools' own peaks: an upper bound, since they need not peak at the same moment. */
    private static long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }
}
