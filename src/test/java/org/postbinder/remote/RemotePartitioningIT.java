package org.postbinder.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.postbinder.support.GeneratedBlog;
import org.postbinder.support.Launcher;
import org.postbinder.support.LocalSiteServer;
import org.postbinder.support.Sql;
import org.postbinder.support.TestDatabase;
import org.postbinder.support.WarcFiles;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Remote partitioning with real parts: a manager ({@code run} in remote mode) and {@code worker}
 * JVMs on the RabbitMQ and the PostgreSQL of this machine (the build's {@code services} and
 * {@code postgres} profiles), crawling four local servers of 15 posts each: one lane, one partition
 * per server. Every test uses a queue of its own and a database of its own.
 */
@EnabledIfSystemProperty(named = RemotePartitioningIT.RABBITMQ, matches = ".+")
class RemotePartitioningIT {

    /** The broker to test against, host:port (guest/guest), e.g. {@code 127.0.0.1:5672}. */
    static final String RABBITMQ = "postbinder.test.rabbitmq";

    private static final int SERVERS = 4;
    private static final int POSTS_PER_SERVER = 15;
    private static final Duration PATIENCE = Duration.ofMinutes(4);
    private static final Duration SLACK = Duration.ofMillis(20);
    /** What a worker prints when it takes a partition (and not when it ends one). */
    private static final String PARTITION_TAKEN = "(step execution";

    @TempDir
    Path home;

    private final List<LocalSiteServer> servers = Stream.generate(LocalSiteServer::new).limit(SERVERS).toList();
    private final List<Process> processes = new ArrayList<>();
    private final String queue = "postbinder-it-" + UUID.randomUUID();
    private Launcher launcher;

    @BeforeEach
    void onPostgres() {
        assumeTrue(TestDatabase.isPostgres(), "remote partitioning shares a PostgreSQL database (-Ppostgres)");
        launcher = new Launcher(home);
    }

    @AfterEach
    void stop() throws Exception {
        processes.forEach(Process::destroyForcibly);
        servers.forEach(LocalSiteServer::close);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host());
        factory.setPort(port());
        try (com.rabbitmq.client.Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    @Test
    void twoWorkersCrawlThePartitionsOfOneRunAndEveryPostIsStoredOnce() throws Exception {
        // given: four servers, and two workers that run two partitions each
        Path jobFile = serveBlogs(100);
        Path a = startWorker("a", 2);
        Path b = startWorker("b", 2);

        // when
        Launcher.Result result = launcher.run(PATIENCE, manager("run", jobFile.toString(), "--run-id", "remote"));

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(": COMPLETED");
        assertEveryPostStoredOnce();
        for (LocalSiteServer server : servers) {
            assertThat(LocalSiteServer.mostAtOnce(server.visits(), SLACK))
                    .as("requests at once to one server, across the worker processes").isEqualTo(1);
        }
        for (Path log : List.of(a, b)) {
            assertThat(count(log, PARTITION_TAKEN)).as("partitions taken by %s", log.getFileName()).isEqualTo(2);
            assertThat(count(log, "  stored ")).as("posts stored by %s", log.getFileName()).isGreaterThan(0);
        }
        try (Stream<Path> warcs = Files.list(launcher.output().resolve("harbour").resolve("warc"))) {
            List<Path> files = warcs.toList();
            assertThat(files).extracting(file -> file.getFileName().toString())
                    .anyMatch(name -> name.startsWith("harbour-remote.a-")).anyMatch(name -> name.startsWith("harbour-remote.b-"));
            for (Path warc : files) {
                assertThat(WarcFiles.readToTheEnd(warc)).as("%s reads to its end", warc.getFileName()).isNotEmpty();
            }
        }
    }

    @Test
    void aWorkerKilledMidPartitionFailsTheRunAndTheRestartCompletesOnTheOtherWorker() throws Exception {
        // given: worker a takes two partitions, then worker b, with room for four, the other two
        Path jobFile = serveBlogs(300);
        Process workerA = worker("a", 2);
        Path a = awaitReady(workerA, "a");
        Process run = launcher.start(manager("run", jobFile.toString(), "--run-id", "killed"));
        processes.add(run);
        awaitCount(a, PARTITION_TAKEN, 2, workerA);
        Path b = startWorker("b", 4);
        awaitCount(a, "  stored ", 2, workerA);

        // when: a is killed in the middle of its partitions
        workerA.destroyForcibly().waitFor();

        // then: the manager sees it lost and the run fails, without hanging
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the manager ends once the worker is seen lost").isTrue();
        String failed = launcher.printedSince(0);
        assertThat(run.exitValue()).as(failed).isNotZero();
        assertThat(failed).contains(": FAILED").contains("a worker was lost");
        assertThat(Files.readString(b)).as("a's requests, given to b when a died, are not run twice")
                .contains("already STARTED");

        // when: the run is restarted with b alone
        Launcher.Result again = launcher.run(PATIENCE, manager("restart", execution(failed)));

        // then
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains(": COMPLETED");
        assertEveryPostStoredOnce();
    }

    @Test
    void sigtermToTheManagerStopsThePartitionsOnTheWorkerAndTheRestartCompletesTheRun() throws Exception {
        // given: one worker that runs all six partitions, two of which have no server and wait from the start
        Path jobFile = serveBlogs(300);
        Files.writeString(jobFile, Files.readString(jobFile).replace("crawl:\n", "crawl:\n  concurrency: 6\n"));
        Process worker = worker("a", 6);
        Path log = awaitReady(worker, "a");
        Process run = launcher.start(manager("run", jobFile.toString(), "--run-id", "stopped"));
        processes.add(run);
        awaitCount(log, "  stored ", 4, worker);

        // when
        run.destroy();

        // then: the run stops, and so does every partition, those waiting for others' links too
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("the manager ends").isTrue();
        String stopped = launcher.printedSince(0);
        assertThat(stopped).contains(": STOPPED");
        awaitCount(log, ": STOPPED", 6, worker);
        Launcher.Result again = launcher.run(PATIENCE, manager("restart", execution(stopped)));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains(": COMPLETED");
        assertEveryPostStoredOnce();
    }

    private static String execution(String output) {
        Matcher execution = Pattern.compile(": (?:STOPPED|FAILED) \\(execution (\\d+)").matcher(output);
        assertThat(execution.find()).as("a stopped or failed execution in:\n" + output).isTrue();
        return execution.group(1);
    }

    /** Four blogs, numbered apart so that no two servers have an article in common, and the job that crawls them. */
    private Path serveBlogs(long postMillis) throws IOException {
        for (int server = 0; server < SERVERS; server++) {
            new GeneratedBlog(POSTS_PER_SERVER, postMillis).numberedFrom(1 + server * POSTS_PER_SERVER).serveOn(servers.get(server));
            servers.get(server).start();
        }
        String startUrls = String.join(", ", servers.stream().map(server -> server.url("/blog/").toString()).toList());
        return GeneratedBlog.writeJob(home.resolve("harbour.yml"), startUrls, "formats: [csv, json]");
    }

    private void assertEveryPostStoredOnce() throws Exception {
        try (Connection db = launcher.connect()) {
            assertThat(Sql.count(db, "select count(*) from posts where job_name = 'harbour'")).isEqualTo(SERVERS * POSTS_PER_SERVER);
            assertThat(Sql.count(db, "select count(distinct canonical_url) from posts where job_name = 'harbour'"))
                    .isEqualTo(SERVERS * POSTS_PER_SERVER);
            assertThat(Sql.count(db, "select count(*) from frontier where job_name = 'harbour' and status = 'PENDING'"))
                    .as("URLs left pending").isZero();
        }
        for (int server = 0; server < SERVERS; server++) {
            LocalSiteServer site = servers.get(server);
            IntStream.range(1 + server * POSTS_PER_SERVER, 1 + (server + 1) * POSTS_PER_SERVER).forEach(post ->
                    assertThat(site.hits(GeneratedBlog.postPath(post))).as("post %d fetched", post).isBetween(1, 2));
        }
    }

    private String[] manager(String... command) {
        return Stream.concat(Stream.of(command), Stream.of(remoteSettings())).toArray(String[]::new);
    }

    private Path startWorker(String name, int concurrency) throws Exception {
        return awaitReady(worker(name, concurrency), name);
    }

    private Process worker(String name, int concurrency) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--postbinder.remote.worker-name=" + name,
                "--postbinder.remote.worker-concurrency=" + concurrency));
        args.addAll(List.of(remoteSettings()));
        Process worker = launcher.startLogging(workerLog(name), args.toArray(String[]::new));
        processes.add(worker);
        return worker;
    }

    private Path workerLog(String name) {
        return home.resolve("worker-" + name + ".log");
    }

    private Path awaitReady(Process worker, String name) throws Exception {
        awaitCount(workerLog(name), "is taking crawl partitions", 1, worker);
        return workerLog(name);
    }

    /** The settings every process of the test shares: its queue, and a lost worker seen in seconds. */
    private String[] remoteSettings() {
        return new String[] {"--postbinder.remote.enabled=true", "--postbinder.remote.queue=" + queue,
                "--spring.rabbitmq.host=" + host(), "--spring.rabbitmq.port=" + port(),
                "--postbinder.remote.poll-interval=500ms", "--postbinder.remote.heartbeat-interval=1s",
                "--postbinder.remote.heartbeat-timeout=8s"};
    }

    private static void awaitCount(Path log, String marker, int times, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (count(log, marker) >= times) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended first:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + times + " lines with '" + marker + "' in two minutes:\n" + Files.readString(log));
    }

    private static long count(Path log, String marker) throws IOException {
        return Files.exists(log) ? Files.readString(log).lines().filter(line -> line.contains(marker)).count() : 0;
    }

    private static String host() {
        return System.getProperty(RABBITMQ).replaceAll(":\\d+$", "");
    }

    private static int port() {
        Matcher port = Pattern.compile(":(\\d+)$").matcher(System.getProperty(RABBITMQ));
        return port.find() ? Integer.parseInt(port.group(1)) : 5672;
    }
}
