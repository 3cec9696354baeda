package org.postbinder.cli;

import java.util.Arrays;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Hands the command line to picocli once the Spring context is up, and reports picocli's exit
 * code as the application's. Spring-style options ({@code --spring.*}, {@code --postbinder.*},
 * {@code --logging.*}, {@code --server.*}, {@code --management.*}) are Spring's and are not passed on.
 */
@Component
public class CliRunner implements CommandLineRunner, ExitCodeGenerator {

    private static final java.util.List<String> SPRING_PREFIXES =
            java.util.List.of("--spring.", "--postbinder.", "--logging.", "--server.", "--management.");

    private final ApplicationContext context;
    private int exitCode;

    public CliRunner(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(String... args) {
        String[] commandArgs = Arrays.stream(args).filter(arg -> !isSpringOption(arg)).toArray(String[]::new);
        CommandLine commandLine = new CommandLine(PostbinderCommand.class, new SpringFactory(context));
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("postbinder: " + OneLineReason.of(exception));
            return 1;
        });
        exitCode = commandLine.execute(commandArgs);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    private static boolean isSpringOption(String arg) {
        return SPRING_PREFIXES.stream().anyMatch(arg::startsWith);
    }

    /** Commands are Spring beans when they are; picocli's own classes are made by picocli. */
    private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            return context.getBeanNamesForType(type).length > 0 ? context.getBean(type) : CommandLine.defaultFactory().create(type);
        }
    }
}
