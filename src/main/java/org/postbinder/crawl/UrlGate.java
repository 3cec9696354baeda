package org.postbinder.crawl;

import java.net.URI;
import java.util.Optional;

/**
 * A job's say over which URLs may be fetched (scope, robots.txt), asked again at every redirect
 * hop, so that a redirect cannot lead the crawler where a link could not.
 */
@FunctionalInterface
public interface UrlGate {

    UrlGate OPEN = url -> Optional.empty();

    /** Why this URL must not be fetched, or empty when it may. */
    Optional<String> refusal(URI url);
}
