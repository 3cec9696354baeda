package org.postbinder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.ServeApi;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import tools.jackson.databind.JsonNode;

/**
 * {@code serve} as a user runs it: separate JVMs, a real embedded database, real HTTP. Scheduled
 * runs fire once per scheduled time even with two servers on one database; runs of one job never
 * overlap, whoever starts them (the API, the schedule, the command line); a failed run restarts
 * to completion from the API; SIGTERM stops a running job STOPPED, restartable.
 */
class ServeIT {

    private static final String OPERATOR = "otto";
    private static final String VIEWER = "vera";
    private static final String PASSWORD = "harbour-lights-42";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();
    private final LocalSiteServer site = new LocalSiteServer();

    @AfterEach
    void stopEverything() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        site.close();
    }

    @Test
    void twoServersOnOneDatabaseRunEachScheduledTimeOnceAndNeverOverlapARun() throws Exception {
        // given: the demo job, scheduled every 3 seconds, and two servers sharing one database
        Path jobs = demoJobs("""
                schedule:
                  cron: "*/3 * * * * *"
                  zone: Europe/Istanbul
                """);
        Launcher launcher = new Launcher(home, ";AUTO_SERVER=TRUE");
        ServeApi first = serve(launcher, jobs);
        ServeApi second = serve(launcher, jobs);

        // when: three scheduled runs have completed
        first.await("/api/jobs/demo/runs?limit=100", runs -> count(runs, "COMPLETED") >= 3, PATIENCE);
        stopServers();

        // then: each scheduled time was claimed by one server, and ran (or was refused) once
        try (Connection db = launcher.connect()) {
            List<String> scheduled = strings(db, "select run_id from scheduled_runs where job_name = 'demo'");
            List<String> executed = strings(db, """
                    select p.PARAMETER_VALUE from BATCH_JOB_EXECUTION_PARAMS p
                    where p.PARAMETER_NAME = 'run'""");
            assertThat(executed).as("one execution per run: no scheduled time ran twice").doesNotHaveDuplicates();
            assertThat(scheduled).containsAll(executed);
            List<String> refused = strings(db, "select outcome from scheduled_runs where outcome like 'NOT STARTED%'");
            assertThat(refused).allSatisfy(outcome -> assertThat(outcome).contains("job demo is already running"));
        }
        String logs = launcher.printedSince(0);
        assertThat(Pattern.compile("scheduled run (\\S+) starting").matcher(logs).results().map(m -> m.group(1)))
                .as("a run started by one server only").doesNotHaveDuplicates();
    }

    @Test
    void aSecondRunOfARunningJobIsRefusedByTheApiAndByTheCommandLine() throws Exception {
        // given: a blog with a post that answers only when the test says, so the run lasts as long as needed
        CountDownLatch release = new CountDownLatch(1);
        new GeneratedBlog(12, 0).withPostHeldUntil(6, release).serveOn(site);
        Path jobs = blogJobs(site.url("/blog/").toString(), "[csv]");
        Launcher launcher = new Launcher(home, ";AUTO_SERVER=TRUE");
        ServeApi api = serve(launcher, jobs, GeneratedBlog.patientFetches());

        // when
        HttpResponse<String> started = api.post("/api/jobs/harbour/runs");
        HttpResponse<String> again = api.post("/api/jobs/harbour/runs");
        Launcher.Result cli = launcher.run(PATIENCE, "run", jobs.resolve("harbour.yml").toString());
        release.countDown();

        // then
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.json(again).path("detail").asString()).contains("job harbour is already running");
        assertThat(cli.exitCode()).isNotZero();
        assertThat(cli.output()).contains("job harbour is already running");
        String run = api.json(started).path("run").asString();
        JsonNode done = api.await("/api/jobs/harbour/runs/" + run, detail -> !detail.path("run").path("running").asBoolean(),
                PATIENCE);
        assertThat(done.path("run").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("run").path("postsStored").asInt()).isEqualTo(12);
    }

    @Test
    void aFailedRunIsRestartedFromTheApiAndCompletes() throws Exception {
        // given: the output folder of the job is blocked by a file, so the export fails
        Path jobs = demoJobs("");
        Launcher launcher = new Launcher(home);
        Path blocked = launcher.output().resolve("demo");
        Files.createDirectories(launcher.output());
        Files.writeString(blocked, "in the way");
        ServeApi api = serve(launcher, jobs, "--postbinder.warc.enabled=false");
        String run = api.json(api.post("/api/jobs/demo/runs")).path("run").asString();
        String runPath = "/api/jobs/demo/runs/" + run;
        JsonNode failed = api.await(runPath, detail -> !detail.path("run").path("running").asBoolean(), PATIENCE);
        assertThat(failed.path("run").path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("run").path("restartable").asBoolean()).isTrue();

        // when: the obstacle is gone and an operator restarts the run
        Files.delete(blocked);
        HttpResponse<String> restarted = api.post(runPath + "/restart");

        // then
        assertThat(restarted.statusCode()).isEqualTo(202);
        JsonNode done = api.await(runPath, detail -> detail.path("run").path("status").asString().equals("COMPLETED"), PATIENCE);
        assertThat(done.path("executions")).hasSize(2);
        assertThat(done.path("files").findValuesAsString("name")).contains("posts.csv", "manifest.json", "demo-" + run + ".pdf");
        HttpResponse<byte[]> csv = api.download(runPath + "/files/posts.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("url,canonicalUrl,title");
        assertThat(api.post(runPath + "/restart").statusCode()).as("a completed run has nothing to restart").isEqualTo(409);
    }

    @Test
    void sigtermStopsTheRunningJobAndItRestartsToCompletion() throws Exception {
        // given: a slow run in progress
        Path jobs = slowBlogJobs();
        Launcher launcher = new Launcher(home);
        ServeApi api = serve(launcher, jobs);
        String run = api.json(api.post("/api/jobs/harbour/runs")).path("run").asString();
        String runPath = "/api/jobs/harbour/runs/" + run;
        api.await(runPath, detail -> detail.path("run").path("postsStored").asInt() >= 2, PATIENCE);

        // when
        Process server = processes.remove(0);
        server.destroy();
        assertThat(server.waitFor(2, TimeUnit.MINUTES)).as("serve exits on SIGTERM").isTrue();
        ServeApi again = serve(launcher, jobs);
        JsonNode stopped = again.json(runPath);

        // then
        assertThat(stopped.path("run").path("status").asString()).isEqualTo("STOPPED");
        assertThat(again.post(runPath + "/restart").statusCode()).isEqualTo(202);
        JsonNode done = again.await(runPath, detail -> detail.path("run").path("status").asString().equals("COMPLETED"),
                PATIENCE);
        assertThat(done.path("run").path("postsStored").asInt()).isEqualTo(12);
    }

    @Test
    void prometheusCountsFetchesSkipsPostsExportsAndRunOutcomes() throws Exception {
        // given: a blog of 12 posts and a page with a link that is gone and one to a PDF
        new GeneratedBlog(12, 0).serveOn(site);
        site.serve("/blog/broken/", 200, "text/html", """
                <!DOCTYPE html><html><head><title>Links</title></head><body><main>
                <a href="/blog/gone/">An old post</a> <a href="/blog/report.html">The annual report</a></main></body></html>""");
        site.serve("/blog/gone/", 410, "text/html", "<h1>Gone</h1>");
        site.serve("/blog/report.html", 200, "application/pdf", "%PDF-1.7 not really");
        Path jobs = blogJobs(site.url("/blog/") + ", " + site.url("/blog/broken/"), "[csv, json, pdf]");
        ServeApi api = serve(new Launcher(home), jobs);

        // when
        String run = api.json(api.post("/api/jobs/harbour/runs")).path("run").asString();
        api.await("/api/jobs/harbour/runs/" + run, detail -> !detail.path("run").path("running").asBoolean(), PATIENCE);
        HttpResponse<String> scrape = api.get("/actuator/prometheus");

        // then
        assertThat(scrape.statusCode()).isEqualTo(200);
        Map<String, Double> metrics = prometheus(scrape.body());
        assertThat(metrics).containsEntry("postbinder_posts_stored_total{job=\"harbour\"}", 12.0)
                .containsEntry("postbinder_urls_visited_total{job=\"harbour\",status=\"stored\"}", 12.0)
                .containsEntry("postbinder_urls_skipped_total{job=\"harbour\",reason=\"not_found\"}", 1.0)
                .containsEntry("postbinder_urls_skipped_total{job=\"harbour\",reason=\"unsupported_type\"}", 1.0)
                .containsEntry("postbinder_fetches_total{job=\"harbour\",outcome=\"not_found\"}", 1.0)
                .containsEntry("postbinder_runs_total{job=\"harbour\",status=\"completed\"}", 1.0);
        assertThat(metrics.get("postbinder_fetches_total{job=\"harbour\",outcome=\"fetched\"}")).isGreaterThanOrEqualTo(14.0);
        assertThat(metrics.get("postbinder_fetched_bytes_total{job=\"harbour\"}")).isGreaterThan(12 * 1000.0);
        for (String format : List.of("csv", "json", "pdf")) {
            assertThat(metrics).containsEntry("postbinder_export_seconds_count{format=\"" + format + "\",job=\"harbour\"}", 1.0);
            assertThat(metrics.get("postbinder_export_seconds_sum{format=\"" + format + "\",job=\"harbour\"}")).isPositive();
        }
        ServeApi viewer = new ServeApi(api.port(), VIEWER, PASSWORD);
        assertThat(viewer.get("/actuator/prometheus").statusCode()).as("a scraper needs no more than viewing").isEqualTo(200);
        assertThat(viewer.post("/api/jobs/harbour/runs").statusCode()).isEqualTo(403);
        assertThat(new ServeApi(api.port(), OPERATOR, "wrong").get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void theApiDescribesItselfInAnOpenApiDocumentForViewers() throws Exception {
        // given
        ServeApi operator = serve(new Launcher(home), demoJobs(""));
        ServeApi viewer = new ServeApi(operator.port(), VIEWER, PASSWORD);

        // when
        JsonNode document = viewer.json("/api/openapi.json");

        // then
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").propertyNames()).contains("/api/jobs", "/api/jobs/{job}/runs",
                "/api/jobs/{job}/runs/{run}", "/api/jobs/{job}/runs/{run}/restart", "/api/jobs/{job}/runs/{run}/stop",
                "/api/jobs/{job}/runs/{run}/archive.zip");
        assertThat(document.path("paths").propertyNames()).allSatisfy(path -> assertThat(path).startsWith("/api/"));
        assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asString())
                .isEqualTo("basic");
        assertThat(new ServeApi(operator.port(), VIEWER, "wrong").get("/api/openapi.json").statusCode()).isEqualTo(401);
    }

    @Test
    void withNoUsersConfiguredServeCreatesAnOperatorWithARandomPasswordPrintedOnce() throws Exception {
        // given
        Path jobs = demoJobs("");
        Launcher launcher = new Launcher(home);
        int port = ServeApi.freePort();

        // when
        processes.add(launcher.start("serve", "--server.port=" + port, "--postbinder.schedule.jobs-dir=" + jobs));
        launcher.awaitPrinted("Postbinder is serving on", 1, processes.get(0));

        // then
        Matcher printed = Pattern.compile("created operator 'admin' with password\\s+(\\S+)").matcher(launcher.printedSince(0));
        assertThat(printed.find()).as(launcher.printedSince(0)).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        ServeApi admin = new ServeApi(port, "admin", password);
        assertThat(admin.get("/api/jobs").statusCode()).isEqualTo(200);
        assertThat(new ServeApi(port, "admin", "admin").get("/api/jobs").statusCode()).isEqualTo(401);
        assertThat(launcher.printedSince(0).split(Pattern.quote(password), -1)).as("printed once").hasSize(2);
    }

    private ServeApi serve(Launcher launcher, Path jobs, String... extra) throws Exception {
        int port = ServeApi.freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--server.port=" + port,
                "--postbinder.schedule.jobs-dir=" + jobs,
                "--postbinder.serve.users[0].name=" + OPERATOR,
                "--postbinder.serve.users[0].password-hash=" + new BCryptPasswordEncoder().encode(PASSWORD),
                "--postbinder.serve.users[0].role=OPERATOR",
                "--postbinder.serve.users[1].name=" + VIEWER,
                "--postbinder.serve.users[1].password-hash=" + new BCryptPasswordEncoder().encode(PASSWORD),
                "--postbinder.serve.users[1].role=VIEWER"));
        args.addAll(List.of(extra));
        Process server = launcher.start(args.toArray(String[]::new));
        processes.add(server);
        ServeApi api = new ServeApi(port, OPERATOR, PASSWORD);
        try {
            api.awaitUp(PATIENCE, server);
        } catch (AssertionError notUp) {
            throw new AssertionError(notUp.getMessage() + ":\n" + launcher.printedSince(0), notUp);
        }
        return api;
    }

    private void stopServers() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            process.waitFor(2, TimeUnit.MINUTES);
        }
    }

    /** The bundled demo job (reads its pages from files), with this schedule instead of its nightly one. */
    private Path demoJobs(String schedule) throws IOException {
        Path jobs = home.resolve("jobs");
        org.springframework.util.FileSystemUtils.copyRecursively(Path.of("jobs/demo-site"), jobs.resolve("demo-site"));
        String unscheduled = Files.readString(Path.of("jobs/demo.yml")).split("\nschedule:")[0];
        Files.writeString(jobs.resolve("demo.yml"), unscheduled + "\n" + schedule);
        return jobs;
    }

    /** A 12-post blog on 127.0.0.1 whose posts take 400 ms each. */
    private Path slowBlogJobs() throws IOException {
        new GeneratedBlog(12, 400).serveOn(site);
        return blogJobs(site.url("/blog/").toString(), "[csv]");
    }

    /** The job "harbour", crawling the site (started here) from these start URLs. */
    private Path blogJobs(String startUrls, String formats) throws IOException {
        site.start();
        Path jobs = home.resolve("jobs");
        GeneratedBlog.writeJob(jobs.resolve("harbour.yml"), startUrls, "formats: " + formats);
        return jobs;
    }

    /** The samples of a Prometheus scrape, by name and labels. */
    private static Map<String, Double> prometheus(String scrape) {
        Map<String, Double> samples = new HashMap<>();
        scrape.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    private static long count(JsonNode runs, String status) {
        long n = 0;
        for (JsonNode run : runs) {
            n += run.path("status").asString().equals(status) ? 1 : 0;
        }
        return n;
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
