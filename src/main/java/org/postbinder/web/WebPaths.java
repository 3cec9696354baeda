package org.postbinder.web;

import java.util.regex.Pattern;

/**
 * Checks the job name and run id that come in a URL before they go near the database or the
 * output folder: the shapes the job loader and the run ids allow, nothing else.
 */
final class WebPaths {

    private static final Pattern JOB = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern RUN = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,31}");

    private WebPaths() {
    }

    static String job(String job) {
        if (!JOB.matcher(job).matches()) {
            throw new NotFoundException("no job " + job);
        }
        return job;
    }

    static String run(String run) {
        if (!RUN.matcher(run).matches()) {
            throw new NotFoundException("no run " + run);
        }
        return run;
    }
}
