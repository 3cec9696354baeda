package org.postbinder.cli;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.postbinder.job.ProcessRole;
import org.postbinder.remote.RemoteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.dsl.StandardIntegrationFlow;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/**
 * {@code postbinder worker}: takes crawl partitions from the RabbitMQ queue and runs them, until the
 * process is told to stop (remote partitioning, see {@link RemoteProperties}). Remote mode is on for
 * a worker whatever the settings say ({@code PostbinderApplication} switches it on). On SIGTERM the
 * worker takes no more partitions and ends; a partition it was running is then lost, and the
 * manager fails it once its heartbeat stops, to be restarted.
 */
@Component
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Crawl partitions of runs started elsewhere, taken from RabbitMQ (until SIGTERM or Ctrl-C).")
public class WorkerCommand implements Callable<Integer> {

    /** What makes a process a worker: remote mode, whatever the settings say. */
    private static final String REMOTE_MODE = "--postbinder.remote.enabled=true";

    private final ObjectProvider<StandardIntegrationFlow> partitionsIn;
    private final ProcessRole role;
    private final RemoteProperties settings;
    private final ConfigurableApplicationContext context;

    WorkerCommand(@Qualifier("crawlPartitionsIn") ObjectProvider<StandardIntegrationFlow> partitionsIn, ProcessRole role, RemoteProperties settings,
                  ConfigurableApplicationContext context) {
        this.partitionsIn = partitionsIn;
        this.role = role;
        this.settings = settings;
        this.context = context;
    }

    /** Whether a command line asks for {@code worker}: its first word that is not an option. */
    public static boolean isWorker(String... args) {
        return PostbinderCommand.subcommand(args).equals("worker");
    }

    /**
     * A worker's command line in remote mode: any {@code enabled} given is replaced, since Spring
     * would read a second one as a list ("true,true").
     */
    public static String[] inRemoteMode(String... args) {
        return Stream.concat(
                Arrays.stream(args).filter(arg -> !arg.startsWith("--postbinder.remote.enabled")),
                Stream.of(REMOTE_MODE)).toArray(String[]::new);
    }

    @Override
    public Integer call() throws InterruptedException {
        StandardIntegrationFlow consumers = partitionsIn.getIfAvailable();
        if (consumers == null) {
            throw new IllegalStateException("remote mode is off (postbinder.remote.enabled)");
        }
        String name = settings.workerName().isBlank() ? defaultName() : settings.workerName();
        role.becomeWorker(name);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumers.stop();
            context.close();
            stopped.countDown();
        }, "postbinder-worker-stop"));
        consumers.start();
        System.out.printf("Postbinder worker %s is taking crawl partitions from queue %s, %d at a time (Ctrl-C to stop)%n",
                name, settings.queue(), settings.workerConcurrency());
        stopped.await();
        return 0;
    }

    /** The host's name and the process id: unique among workers that share an output folder. */
    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        String pid = ManagementFactory.getRuntimeMXBean().getPid() + "";
        String safeHost = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+", "");
        // a worker's name goes into file names: at most 64 characters in all
        return safeHost.substring(0, Math.min(safeHost.length(), 40)) + "-" + pid;
    }
}
