package org.postbinder.crawl;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The shape of a URL: host and path with every run of digits blanked, and the query's parameter
 * names without their values. An endless calendar ({@code /events/2031/07/14/}) or session-id
 * links ({@code ?sid=8f3a...}) produce one shape over and over, which is how a crawler trap is told
 * from a site with many pages. Pure and thread-safe.
 */
public final class UrlShape {

    private UrlShape() {
    }

    public static String of(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("\\d+", "#");
        String query = url.getRawQuery() == null ? "" : "?" + Arrays.stream(url.getRawQuery().split("&"))
                .map(parameter -> parameter.split("=", 2)[0])
                .sorted()
                .collect(Collectors.joining("&"));
        String shape = url.getHost() + path + query;
        return shape.length() <= Frontier.MAX_URL_LENGTH ? shape : shape.substring(0, Frontier.MAX_URL_LENGTH);
    }
}
