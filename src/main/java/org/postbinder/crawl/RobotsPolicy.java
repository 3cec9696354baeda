package org.postbinder.crawl;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt, per origin, read with crawler-commons (RFC 9309: groups, wildcards, {@code Allow},
 * {@code Crawl-delay}, {@code Sitemap:} lines). A robots.txt that is missing or refused (4xx) allows
 * everything; one that cannot be had (5xx, network errors, a blocked address) disallows everything
 * for the time being, as the RFC advises. Rules are kept for a day. The robots.txt request is
 * itself paced like any other request to the host. Thread-safe.
 */
@Component
public class RobotsPolicy {

    /** RFC 9309 lets a crawler keep robots.txt for up to a day. */
    static final Duration KEEP_RULES = Duration.ofHours(24);
    /** A robots.txt that could not be read is asked for again this soon: one timeout must not close a host for the night. */
    static final Duration KEEP_FAILURE = Duration.ofMinutes(10);
    /** A Crawl-delay beyond this would stall a nightly crawl; the host is then crawled at this pace. */
    static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(60);

    private final HttpFetcher fetcher;
    private final HostPacer pacer;
    private final Map<String, Rules> byOrigin = new ConcurrentHashMap<>();

    public RobotsPolicy(HttpFetcher fetcher, HostPacer pacer) {
        this.fetcher = fetcher;
        this.pacer = pacer;
    }

    /** The rules of one origin, as this crawler's user agent reads them. */
    public record Rules(BaseRobotRules rules, Instant readAt) {

        /**
         * Whether the rules allow the URL. The crawler requests URLs with their query parameters
         * sorted, which may not be the order a rule was written for ({@code Disallow: /search?q=}
         * and a link to {@code /search?q=x&page=2}): a URL is allowed only if it is allowed with its
         * parameters in any order.
         */
        public boolean allows(URI url) {
            return QueryOrders.of(url).allMatch(variant -> rules.isAllowed(variant));
        }

        /** The delay robots.txt asks for, capped at {@link #MAX_CRAWL_DELAY}; zero when it asks none. */
        public Duration crawlDelay() {
            long millis = rules.getCrawlDelay();
            return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0 ? Duration.ZERO
                    : Duration.ofMillis(Math.min(millis, MAX_CRAWL_DELAY.toMillis()));
        }

        public List<String> sitemaps() {
            return rules.getSitemaps();
        }

        boolean couldNotRead() {
            return rules.isAllowNone() && rules.isDeferVisits();
        }
    }

    /** The rules for an http(s) URL's origin, fetching robots.txt when they are not known or too old. */
    public Rules rulesFor(URI url, FetchSettings settings, Duration jobDelay) {
        String origin = origin(url);
        Rules known = byOrigin.get(origin);
        if (known != null && known.readAt().plus(known.couldNotRead() ? KEEP_FAILURE : KEEP_RULES).isAfter(Instant.now())) {
            return known;
        }
        Rules read = read(URI.create(origin + "/robots.txt"), settings, jobDelay);
        byOrigin.put(origin, read);
        return read;
    }

    /** Why robots.txt forbids this URL, or empty when it allows it. File URLs have no robots.txt. */
    public Optional<String> refusal(URI url, FetchSettings settings, Duration jobDelay) {
        if (!isHttp(url)) {
            return Optional.empty();
        }
        Rules rules = rulesFor(url, settings, jobDelay);
        if (rules.allows(url)) {
            return Optional.empty();
        }
        return Optional.of(rules.couldNotRead()
                ? "robots.txt could not be read; the host is not crawled for now"
                : "robots.txt disallows it");
    }

    private Rules read(URI robots, FetchSettings settings, Duration jobDelay) {
        pacer.awaitTurn(robots, jobDelay);
        FetchResult result;
        try {
            result = fetcher.fetchRobotsTxt(robots, settings.withGate(UrlGate.OPEN));
        } finally {
            pacer.finished(robots);
        }
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        BaseRobotRules rules = switch (result.outcome()) {
            case FETCHED -> parser.parseContent(robots.toString(), result.page().orElseThrow().body(), "text/plain",
                    List.of(agentName(settings.userAgent())));
            // a missing or forbidden robots.txt means no rules (RFC 9309, section 2.3.1.3)
            case NOT_FOUND, REFUSED -> parser.failedFetch(404);
            // unreachable: assume complete disallow until it can be read (section 2.3.1.4)
            // robots.txt is read whatever its type and size, so these two do not come back for it
            case RETRY_LATER, FAILED, BLOCKED, NOT_MODIFIED, UNSUPPORTED_TYPE, TOO_LARGE -> parser.failedFetch(503);
        };
        return new Rules(rules, Instant.now());
    }

    /** "Postbinder/0.1 (+https://...)" is matched in robots.txt as "postbinder". */
    static String agentName(String userAgent) {
        String product = userAgent.strip().split("[/\\s]", 2)[0];
        return product.toLowerCase(Locale.ROOT);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    private static boolean isHttp(URI url) {
        return "http".equals(url.getScheme()) || "https".equals(url.getScheme());
    }
}
