package org.postbinder;

import org.postbinder.cli.OneLineReason;
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

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = SpringApplication.exit(SpringApplication.run(PostbinderApplication.class, args));
        } catch (RuntimeException e) {
            // start-up failures (database locked or unreachable, bad settings) get one line, not a stack trace
            System.err.println("postbinder: " + OneLineReason.of(e));
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
