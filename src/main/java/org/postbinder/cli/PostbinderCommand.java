package org.postbinder.cli;

import picocli.CommandLine.Command;

/** The launcher: {@code postbinder <subcommand>}. */
@Command(name = "postbinder", mixinStandardHelpOptions = true, version = "Postbinder 0.1",
        description = "Archives blogs and news sites as CSV, JSON and PDF.",
        subcommands = {RunCommand.class, CrawlCommand.class, ExportCommand.class, ExtractCommand.class,
                RunsCommand.class, RestartCommand.class, ServeCommand.class, WorkerCommand.class})
public class PostbinderCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The subcommand a command line names: its first word that is not an option ("" if none). */
    static String subcommand(String... args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
