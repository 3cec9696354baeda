package org.postbinder.crawl;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A URL written with its query parameters in each order they could have had on the page that
 * linked to it, for matching robots.txt rules against the URL as the site's owner might have seen
 * it. Every order up to {@value #ALL_ORDERS_UP_TO} parameters (at most 120 strings); beyond that,
 * each parameter once in front of the others, which is the order rules are written for.
 */
final class QueryOrders {

    static final int ALL_ORDERS_UP_TO = 5;

    private QueryOrders() {
    }

    static Stream<String> of(URI url) {
        String text = url.toString();
        String query = url.getRawQuery();
        if (query == null || !query.contains("&")) {
            return Stream.of(text);
        }
        String base = text.substring(0, text.indexOf('?') + 1);
        String fragment = url.getRawFragment() == null ? "" : "#" + url.getRawFragment();
        List<String> parameters = Arrays.asList(query.split("&"));
        List<List<String>> orders = parameters.size() <= ALL_ORDERS_UP_TO ? permutations(parameters) : eachInFront(parameters);
        return Stream.concat(Stream.of(text), orders.stream().map(order -> base + String.join("&", order) + fragment))
                .distinct();
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> rest = new ArrayList<>(items);
            String first = rest.remove(i);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>(List.of(first));
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private static List<List<String>> eachInFront(List<String> items) {
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> order = new ArrayList<>(items);
            order.add(0, order.remove(i));
            all.add(order);
        }
        return all;
    }
}
