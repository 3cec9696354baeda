package org.postbinder.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://localhost:8080/admin", "http://10.0.0.1/", "http://172.16.4.2/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.7/", "http://0.0.0.0/",
            "http://[::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::ffff:10.0.0.1]/", "http://224.0.0.1/",
            "http://[64:ff9b::a9fe:a9fe]/", "http://[2002:a9fe:a9fe::]/", "http://[::a9fe:a9fe]/", "http://198.18.0.1/",
            "http://240.0.0.1/", "http://192.0.0.8/", "http://2130706433/"})
    void refusesLoopbackPrivateLinkLocalAndMulticastAddresses(String url) {
        assertThat(AddressGuard.refusal(URI.create(url), false)).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("address guard:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/", "http://8.8.8.8/", "http://[2606:4700::1111]/", "http://100.128.0.1/"})
    void letsPublicAddressesThrough(String url) {
        assertThat(AddressGuard.refusal(URI.create(url), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://10.0.0.1/"})
    void aJobThatAllowsPrivateAddressesMayFetchThem(String url) {
        assertThat(AddressGuard.refusal(URI.create(url), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://no-such-host.invalid/"})
    void anUnknownHostIsRefusedWithItsName(String url) {
        assertThat(AddressGuard.refusal(URI.create(url), false)).contains("unknown host no-such-host.invalid");
    }

    @org.junit.jupiter.api.Test
    void anAllowedNetworkLetsThroughOnlyItsOwnAddresses() {
        var allowed = java.util.List.of(Cidr.parse("10.20.0.0/16"));

        assertThat(AddressGuard.refusal(URI.create("http://10.20.3.4/"), false, allowed)).isEmpty();
        assertThat(AddressGuard.refusal(URI.create("http://10.21.3.4/"), false, allowed)).isPresent();
        assertThat(AddressGuard.refusal(URI.create("http://169.254.169.254/"), false, allowed)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dead.be", "cafe.example", "10.0.0.0/33", "not an address"})
    void anAllowedNetworkMustBeWrittenAsAnAddressNotAName(String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
