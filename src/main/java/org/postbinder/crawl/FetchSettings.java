package org.postbinder.crawl;

import java.time.Duration;

/** The limits of one fetch, from the machine's {@link CrawlProperties} and the job file. */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes) {}
