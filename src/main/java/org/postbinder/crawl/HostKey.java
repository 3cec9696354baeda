package org.postbinder.crawl;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What politeness is counted per: a server, named by host and port ({@code blog.example:443}).
 * Two ports of one host are two servers with their own robots.txt, as for Heritrix's queues.
 * File URLs have no server.
 */
public final class HostKey {

    private HostKey() {
    }

    public static Optional<String> of(URI url) {
        if (url.getHost() == null) {
            return Optional.empty();
        }
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return Optional.of(url.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }
}
