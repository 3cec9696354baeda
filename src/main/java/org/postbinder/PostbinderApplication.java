package org.postbinder;

import org.postbinder.cli.OneLineReason;
import org.postbinder.cli.ServeCommand;
import org.postbinder.cli.WorkerCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point: starts the Spring context and hands the command line to the {@code cli} package.
 * Jobs never start on their own ({@code spring.batch.job.enabled=false}); a subcommand decides.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PostbinderApplication {

    /**
     * How long a resolved address is reused. The address guard resolves a host and checks every
     * address; the HTTP client resolves it again when it connects, and must get the same answer
     * from this cache rather than a new one from DNS (rebinding).
     */
    private static final String DNS_CACHE_SECONDS = "60";

    public static void main(String[] args) {
        java.security.Security.setProperty("networkaddress.cache.ttl", DNS_CACHE_SECONDS);
        int exitCode;
        try {
            String[] withMode = ServeCommand.isServe(args) ? append(args, ServeCommand.WEB_APPLICATION)
                    : WorkerCommand.isWorker(args) ? WorkerCommand.inRemoteMode(args) : args;
            exitCode = SpringApplication.exit(SpringApplication.run(PostbinderApplication.class, withMode));
        } catch (RuntimeException e) {
            // start-up failures (database locked or unreachable, bad settings) get one line, not a stack trace
            System.err.println("postbinder: " + OneLineReason.of(e));
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static String[] append(String[] args, String arg) {
        String[] longer = java.util.Arrays.copyOf(args, args.length + 1);
        longer[args.length] = arg;
        return longer;
    }
}
