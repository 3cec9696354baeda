package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class QueryOrdersTest {

    @Test
    void aUrlWithoutSeveralParametersHasOneForm() {
        assertThat(QueryOrders.of(URI.create("https://blog.example/post/?p=1")))
                .containsExactly("https://blog.example/post/?p=1");
        assertThat(QueryOrders.of(URI.create("https://blog.example/post/"))).containsExactly("https://blog.example/post/");
    }

    @Test
    void threeParametersComeInAllSixOrders() {
        assertThat(QueryOrders.of(URI.create("https://blog.example/s?a=1&b=2&c=3"))).containsExactlyInAnyOrder(
                "https://blog.example/s?a=1&b=2&c=3", "https://blog.example/s?a=1&c=3&b=2", "https://blog.example/s?b=2&a=1&c=3",
                "https://blog.example/s?b=2&c=3&a=1", "https://blog.example/s?c=3&a=1&b=2", "https://blog.example/s?c=3&b=2&a=1");
    }

    @Test
    void manyParametersEachComeFirstOnceInsteadOfEveryOrder() {
        URI url = URI.create("https://blog.example/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7");

        assertThat(QueryOrders.of(url)).hasSize(7)
                .contains("https://blog.example/s?g=7&a=1&b=2&c=3&d=4&e=5&f=6");
    }
}
