/** The command line: one launcher with subcommands (run, crawl, export, extract, runs, restart, serve) and the run summary. */
@NullMarked
package org.postbinder.cli;

import org.jspecify.annotations.NullMarked;
