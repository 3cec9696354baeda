package org.postbinder.cli;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code postbinder serve}: not built yet; says so instead of pretending. */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Web page, JSON API and nightly scheduler (not available yet).")
public class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("postbinder: serve is not available yet (web page, API and scheduler are still to come); "
                + "use run, crawl, export and restart from the command line");
        return 2;
    }
}
