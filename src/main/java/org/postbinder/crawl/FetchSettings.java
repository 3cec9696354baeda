package org.postbinder.crawl;

import java.time.Duration;

/**
 * The limits of one fetch, from the machine's {@link CrawlProperties} and the job file.
 *
 * @param readTimeout           the most a whole response may take, from the request to the last byte
 * @param maxBodyBytes          the most body bytes read, counted after gzip or deflate is decoded
 * @param maxRedirects          redirect hops followed before the URL is given up
 * @param allowPrivateAddresses whether loopback and private addresses may be fetched (see {@link AddressGuard})
 * @param gate                  the job's scope and robots.txt, asked again at every redirect hop
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                            int maxRedirects, boolean allowPrivateAddresses, UrlGate gate) {

    public FetchSettings withGate(UrlGate gate) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, maxBodyBytes, maxRedirects, allowPrivateAddresses, gate);
    }
}
