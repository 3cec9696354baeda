package org.postbinder.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A block of addresses such as {@code 10.20.0.0/16} or {@code fd00::/8}, for letting the crawler
 * reach one internal network while the {@link AddressGuard} keeps it off all the others.
 * Immutable and thread-safe.
 */
public record Cidr(byte[] network, int prefixLength) {

    /** Parses "address/length" (or a single address); only IP literals are accepted, never host names. */
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        // an IPv4 literal, or an IPv6 one (which has a colon): never a name that DNS would resolve
        if (!parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") && !parts[0].matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException("expected an IP address or network, like 10.0.0.0/8");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + parts[0]);
        }
        int length = parts.length == 1 ? address.length * 8 : Integer.parseInt(parts[1]);
        if (length < 0 || length > address.length * 8) {
            throw new IllegalArgumentException("prefix length must be between 0 and " + address.length * 8);
        }
        return new Cidr(address, length);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
