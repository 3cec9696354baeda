package org.postbinder.crawl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Whether and how a crawl keeps what it fetched ({@code postbinder.warc.*}).
 *
 * @param enabled     write every HTTP exchange to {@code output/<job>/warc/}
 * @param maxFileSize a new WARC file starts when the current one passes this size
 */
@ConfigurationProperties("postbinder.warc")
public record WarcProperties(boolean enabled, DataSize maxFileSize) {}
