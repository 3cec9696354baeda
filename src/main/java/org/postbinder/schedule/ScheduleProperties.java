package org.postbinder.schedule;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where {@code serve} finds its jobs and how often it looks again ({@code postbinder.schedule.*}).
 *
 * @param jobsDir        every {@code *.yml} / {@code *.yaml} file in it is a job
 * @param reloadInterval how often the folder is checked for new, changed and removed job files
 * @param catchUpWindow  how far back a server that starts looks for a missed firing (jobs with {@code catch-up})
 */
@Validated
@ConfigurationProperties("postbinder.schedule")
public record ScheduleProperties(@NotNull Path jobsDir, @NotNull Duration reloadInterval, @NotNull Duration catchUpWindow) {}
