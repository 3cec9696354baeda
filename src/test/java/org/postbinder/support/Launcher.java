package org.postbinder.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real launcher ({@code PostbinderApplication}) as a separate JVM, with the test's class
 * path and its own database and output folder, as a user's terminal would.
 */
public final class Launcher {

    private final Path home;
    private final String databaseUrl;

    /** A launcher whose embedded database and archives live under {@code home}. */
    public Launcher(Path home) {
        this(home, ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /**
     * A launcher whose database URL ends with these H2 options instead of the default ones, e.g.
     * {@code ;AUTO_SERVER=TRUE} for several processes on one database (H2's mixed mode), as servers
     * share PostgreSQL in production. (H2 refuses AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE.)
     */
    public Launcher(Path home, String databaseOptions) {
        this(TestDatabase.isPostgres() ? TestDatabase.newPostgresDatabase()
                : "jdbc:h2:file:" + home.resolve("db/postbinder").toAbsolutePath() + ";LOCK_TIMEOUT=300000" + databaseOptions, home);
    }

    private Launcher(String databaseUrl, Path home) {
        this.home = home;
        this.databaseUrl = databaseUrl;
    }

    /** A launcher whose processes are given this database URL, e.g. one of a server that is down. */
    public static Launcher onDatabase(Path home, String databaseUrl) {
        return new Launcher(databaseUrl, home);
    }

    public Path output() {
        return home.resolve("output");
    }

    /**
     * The launched processes' database: an H2 file under home or, in the build's postgres profile, a
     * PostgreSQL database of its own (the H2 options do not apply there).
     */
    public String databaseUrl() {
        return databaseUrl;
    }

    /** A connection to the launched processes' database, for a test to look inside. */
    public Connection connect() throws SQLException {
        return TestDatabase.isPostgres() ? DriverManager.getConnection(databaseUrl, TestDatabase.user(), "")
                : DriverManager.getConnection(databaseUrl, "sa", "");
    }

    /** Starts the launcher; its stdout and stderr go to one log file under home. */
    public Process start(String... args) throws IOException {
        return startLogging(log(), args);
    }

    /**
     * Starts the launcher with its stdout and stderr in a log of its own, on the same database and
     * output folder: one of several processes that work together (a manager and its workers).
     */
    public Process startLogging(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", applicationClassPath(),
                "org.postbinder.PostbinderApplication"));
        command.addAll(List.of(args));
        command.add("--spring.datasource.url=" + databaseUrl());
        if (TestDatabase.isPostgres()) {
            command.add("--spring.profiles.active=postgres");
            command.add("--spring.datasource.username=" + TestDatabase.user());
        }
        command.add("--postbinder.output.dir=" + output().toAbsolutePath());
        Files.createDirectories(home);
        return new ProcessBuilder(command)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Runs the launcher to the end and returns its exit code and everything it printed. */
    public Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        long logStart = Files.exists(log()) ? Files.size(log()) : 0;
        Process process = start(args);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish in " + timeout + ":\n" + printedSince(logStart));
        }
        return new Result(process.exitValue(), printedSince(logStart));
    }

    /** The test's class path without the test classes: the launched application sees what a user's would. */
    private static String applicationClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    public Path log() {
        return home.resolve("launcher.log");
    }

    public String printedSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(log());
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    /**
     * Waits until the running process has printed {@code times} lines containing {@code marker}
     * ("  stored " for posts stored), failing if it ends first or takes over a minute.
     */
    public void awaitPrinted(String marker, int times, Process process) throws IOException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofMinutes(1));
        while (java.time.Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended first:\n" + printedSince(0));
            }
            if (Files.exists(log()) && printedSince(0).lines().filter(line -> line.contains(marker)).count() >= times) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("fewer than " + times + " lines with '" + marker + "' in a minute");
    }

    /** What one launcher run ended with. */
    public record Result(int exitCode, String output) {}
}
