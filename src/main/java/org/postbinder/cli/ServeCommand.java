package org.postbinder.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.postbinder.export.OutputProperties;
import org.postbinder.schedule.NightlyScheduler;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/**
 * {@code postbinder serve}: the web page, the JSON API and the scheduler of every job in
 * {@code jobs/}, until the process is told to stop. SIGTERM stops running jobs at a chunk boundary
 * (STOPPED, restartable) before the process ends.
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Web page, JSON API and scheduler of the jobs in jobs/ (until SIGTERM or Ctrl-C).")
public class ServeCommand implements Callable<Integer> {

    /** The command line that makes {@code serve} a web application (the other commands are not). */
    public static final String WEB_APPLICATION = "--spring.main.web-application-type=servlet";

    private final NightlyScheduler scheduler;
    private final GracefulStop stop;
    private final Environment environment;
    private final ApplicationContext context;
    private final OutputProperties output;

    public ServeCommand(NightlyScheduler scheduler, GracefulStop stop, Environment environment, ApplicationContext context,
            OutputProperties output) {
        this.scheduler = scheduler;
        this.output = output;
        this.stop = stop;
        this.environment = environment;
        this.context = context;
    }

    /** Whether a command line asks for {@code serve}: its first word that is not an option. */
    public static boolean isServe(String... args) {
        return PostbinderCommand.subcommand(args).equals("serve");
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("the web server did not start (serve must be the first word of the command)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            stop.stopRunningJobs();
            try {
                stop.awaitJobs();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop.closeContext();
            stopped.countDown();
        }, "postbinder-graceful-stop"));
        // the output-disk health check looks at this folder: before the first run, it must exist too
        Files.createDirectories(output.dir());
        scheduler.start();
        // the command runs on as long as the server does, so Spring Boot's "ready" event never comes: say it here
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        System.out.printf("Postbinder is serving on http://%s:%s/ (Ctrl-C to stop)%n",
                environment.getProperty("server.address", "127.0.0.1"), port);
        stopped.await();
        return 0;
    }
}
