package org.postbinder.crawl;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

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
 * @param readIdleTimeout how long a body may go without a byte arriving
 * @param maxBodySize    bodies larger than this (after decoding) are cut off and skipped
 * @param maxRedirects   redirect hops followed before a URL is given up
 * @param retry          how URLs that failed for now (429, 5xx, timeouts) are tried again
 * @param readBudget     the most that reading one fetched page (parsing, links, extraction,
 *                       cleaning) may take before the page is skipped as too slow
 */
@Validated
@ConfigurationProperties("postbinder.crawl")
public record CrawlProperties(@NotBlank String userAgent, Duration connectTimeout, Duration readTimeout, Duration readIdleTimeout,
                              DataSize maxBodySize, @Min(0) @Max(20) int maxRedirects, RetrySchedule retry,
                              @NotNull Duration readBudget) {

    /** The job's fetch settings, with no gate yet: the crawl adds its scope and robots.txt. */
    public FetchSettings settingsFor(JobDefinition.Crawl crawl) {
        Optional<Duration> timeout = crawl.timeout();
        return new FetchSettings(crawl.userAgent().orElse(userAgent), timeout.orElse(connectTimeout),
                timeout.orElse(readTimeout), readIdleTimeout, maxBodySize.toBytes(), maxRedirects, crawl.allowPrivateAddresses(),
                crawl.allowedNetworks(), UrlGate.OPEN, ExchangeRecorder.NONE);
    }
}
