package org.postbinder.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the crawler off addresses that a public web page has no business sending it to: loopback,
 * private (RFC 1918, carrier-grade NAT, IPv6 unique-local), link-local (where cloud metadata
 * services answer, 169.254.169.254), multicast and unspecified addresses. The host is resolved and
 * every address it resolves to is checked, at every redirect hop, before any connection is made.
 * A job that crawls its own network says so with {@code allow-private-addresses: true}, or lets
 * through just the networks it names ({@code allowed-networks: [10.20.0.0/16]}).
 * Stateless and thread-safe.
 * <p>
 * A host that resolves to a public address here and to a private one a moment later (DNS
 * rebinding) is not caught: the HTTP client resolves again when it connects.
 */
public final class AddressGuard {

    private static final String UNKNOWN_HOST = "unknown host ";

    private AddressGuard() {
    }

    /** Why the crawler must not connect to this URL's host, or empty when it may. */
    public static Optional<String> refusal(URI url, boolean allowPrivateAddresses) {
        return refusal(url, allowPrivateAddresses, List.of());
    }

    /** As {@link #refusal(URI, boolean)}, with internal addresses inside {@code allowedNetworks} let through. */
    public static Optional<String> refusal(URI url, boolean allowPrivateAddresses, List<Cidr> allowedNetworks) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.of("no host to check");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host.replaceAll("^\\[|\\]$", ""))) {
                if (isInternal(address) && allowedNetworks.stream().noneMatch(network -> network.contains(address))) {
                    return Optional.of("address guard: " + host + " is " + address.getHostAddress()
                            + ", a private or local address (allow-private-addresses is off)");
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(UNKNOWN_HOST + host);
        }
    }

    /** A host that does not resolve may resolve tomorrow (or in a minute): that refusal is worth a retry. */
    public static boolean isTemporary(String refusal) {
        return refusal.startsWith(UNKNOWN_HOST);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            int third = bytes[2] & 0xff;
            // 100.64.0.0/10 carrier-grade NAT, 0.0.0.0/8 "this network", 192.0.0.0/24 protocol assignments,
            // 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved and broadcast
            return first == 100 && second >= 64 && second < 128 || first == 0 || first == 192 && second == 0 && third == 0
                    || first == 198 && (second == 18 || second == 19) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            // fc00::/7 unique-local; IPv6 forms that carry an IPv4 address are judged by that address
            return (first & 0xfe) == 0xfc || embeddedIpv4(bytes).map(AddressGuard::isInternal).orElse(false);
        }
        return false;
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
     * (64:ff9b::a.b.c.d) or 6to4 (2002:AABB:CCDD::) address: on networks that translate them, they
     * reach that IPv4 address.
     */
    private static Optional<InetAddress> embeddedIpv4(byte[] bytes) {
        byte[] v4 = null;
        if (zeros(bytes, 0, 10) && ((bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff || zeros(bytes, 10, 12))) {
            v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        } else if ((bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                && (bytes[3] & 0xff) == 0x9b && zeros(bytes, 4, 12)) {
            v4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        } else if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
            v4 = new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]};
        }
        try {
            return v4 == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
