package org.postbinder.crawl;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;

import org.postbinder.job.JobDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Machine-wide fetch defaults ({@code postbinder.crawl.*}); a job file may override the user agent
 * and the timeout.
 *
 * @param userAgent      sent with every HTTP request; required, so that site owners know who calls
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long a whole response may take
 * @param maxBodySize    bodies larger than this are cut off and skipped
 */
@Validated
@ConfigurationProperties("postbinder.crawl")
public record CrawlProperties(@NotBlank String userAgent, Duration connectTimeout, Duration readTimeout,
                              DataSize maxBodySize) {

    public FetchSettings settingsFor(JobDefinition.Crawl crawl) {
        Optional<Duration> timeout = crawl.timeout();
        return new FetchSettings(crawl.userAgent().orElse(userAgent), timeout.orElse(connectTimeout),
                timeout.orElse(readTimeout), maxBodySize.toBytes());
    }
}
