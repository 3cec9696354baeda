package org.postbinder.job;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of every Postbinder batch job. {@code job} and {@code run} identify the run (one
 * job instance per job and run id, so a failed night is restarted rather than run anew); the job
 * file's path is carried along but does not identify.
 */
public final class RunParameters {

    public static final String JOB = "job";
    public static final String RUN = "run";
    public static final String JOB_FILE = "jobFile";

    /** Run ids are UTC timestamps to the second: sortable, and safe in file names. */
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern RUN_ID_SHAPE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,31}");

    private RunParameters() {
    }

    public static String newRunId(Clock clock) {
        return RUN_ID.format(clock.instant());
    }

    public static JobParameters of(JobDefinition job, String runId) {
        if (!RUN_ID_SHAPE.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id must be letters, digits, '-' or '_' (at most 32): " + runId);
        }
        return new JobParametersBuilder()
                .addString(JOB, job.name())
                .addString(RUN, runId)
                .addString(JOB_FILE, job.file().toString(), false)
                .toJobParameters();
    }
}
