package org.postbinder.crawl;

import java.time.Duration;
import java.util.List;

/**
 * The limits of one fetch, from the machine's {@link CrawlProperties} and the job file.
 *
 * @param readTimeout           the most a whole response may take, from the request to the last byte
 * @param readIdleTimeout       the most time without a byte arriving, once the body has started
 * @param maxBodyBytes          the most body bytes read, counted after gzip or deflate is decoded
 * @param maxRedirects          redirect hops followed before the URL is given up
 * @param allowPrivateAddresses whether loopback and private addresses may be fetched (see {@link AddressGuard})
 * @param allowedNetworks       internal networks that may be fetched even so
 * @param gate                  the job's scope and robots.txt, asked again at every redirect hop
 * @param recorder              keeps every exchange (a WARC archive), or {@link ExchangeRecorder#NONE}
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, Duration readIdleTimeout,
                            long maxBodyBytes, int maxRedirects, boolean allowPrivateAddresses, List<Cidr> allowedNetworks,
                            UrlGate gate, ExchangeRecorder recorder) {

    public FetchSettings {
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    public FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
                         int maxRedirects, boolean allowPrivateAddresses, List<Cidr> allowedNetworks, UrlGate gate) {
        this(userAgent, connectTimeout, readTimeout, readTimeout, maxBodyBytes, maxRedirects, allowPrivateAddresses,
                allowedNetworks, gate, ExchangeRecorder.NONE);
    }

    public FetchSettings withGate(UrlGate gate) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, readIdleTimeout, maxBodyBytes, maxRedirects,
                allowPrivateAddresses, allowedNetworks, gate, recorder);
    }

    /** The same settings with another size limit: images have their own. */
    public FetchSettings withMaxBodyBytes(long limit) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, readIdleTimeout, limit, maxRedirects,
                allowPrivateAddresses, allowedNetworks, gate, recorder);
    }

    public FetchSettings withRecorder(ExchangeRecorder recorder) {
        return new FetchSettings(userAgent, connectTimeout, readTimeout, readIdleTimeout, maxBodyBytes, maxRedirects,
                allowPrivateAddresses, allowedNetworks, gate, recorder);
    }
}
