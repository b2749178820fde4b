package fob.server.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address of the client behind a request, for rate limits, quotas and the activity list. The TCP peer is
 * the client unless it is one of the trusted proxies ({@code FOB_TRUSTED_PROXIES}); then the client is read from
 * the one header the operator named ({@code FOB_CLIENT_IP_HEADER}: {@code X-Forwarded-For}, {@code Forwarded}
 * (its {@code for=}) or {@code X-Real-IP}), every line of it taken as one list in order, and walked from the
 * right: the first address that is not itself a trusted proxy. Proxies append to these headers (nginx and
 * Traefik to the value, HAProxy with a line of its own), so what lies left of the last untrusted address was
 * written by the client and proves nothing; every other forwarding header is the client's alone and is ignored.
 *
 * <p>Limits are keyed by {@link #key}: an IPv4 address, or an IPv6 address cut to its first
 * {@code FOB_IPV6_PREFIX} bits (64 by default), since one subscriber holds a whole /64 and could otherwise
 * take a fresh bucket with every address in it.
 */
public final class ClientAddress {
    /** The headers a proxy may be named for. */
    public static final List<String> HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");
    private static final String ATTRIBUTE = "fob.clientAddress";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final InetAddressSet trusted = new InetAddressSet();
    private final boolean anyTrusted;
    /** One of {@link #HEADERS}, or null when none is read. */
    private final String header;
    private final int ipv6Prefix;

    private ClientAddress(List<String> trustedProxies, String header, int ipv6Prefix) {
        for (String proxy : trustedProxies) {
            trusted.add(proxy);
        }
        this.anyTrusted = !trustedProxies.isEmpty();
        this.header = header;
        this.ipv6Prefix = ipv6Prefix;
    }

    /**
     * From the settings: {@code trustedProxies}, a comma-separated list of addresses and CIDR ranges (such as
     * {@code 10.0.0.0/8, ::1}); {@code header}, the one header those proxies write (any case; empty for none);
     * and the IPv6 prefix length that limits count by. Settings Fob cannot start with throw
     * {@link IllegalArgumentException}, whose message tells the operator which and why.
     */
    public static ClientAddress configure(String trustedProxies, String header, int ipv6Prefix) {
        List<String> proxies = proxies(trustedProxies);
        String named = null;
        String wanted = header == null ? "" : header.strip();
        if (!wanted.isEmpty()) {
            for (String known : HEADERS) {
                if (known.equalsIgnoreCase(wanted)) {
                    named = known;
                }
            }
            if (named == null) {
                throw new IllegalArgumentException("--client-ip-header: '" + wanted + "' is not one Fob reads; name"
                        + " the one your proxy writes: X-Forwarded-For, Forwarded or X-Real-IP");
            }
        }
        if (proxies.isEmpty() && named != null) {
            throw new IllegalArgumentException("FOB_CLIENT_IP_HEADER (--client-ip-header) is set but"
                    + " FOB_TRUSTED_PROXIES (--trusted-proxies) is not: name your proxy's addresses, or every client would count as the"
                    + " proxy itself, sharing one address's limits");
        }
        if (!proxies.isEmpty() && named == null) {
            throw new IllegalArgumentException("FOB_TRUSTED_PROXIES (--trusted-proxies) is set but FOB_CLIENT_IP_HEADER"
                    + " (--client-ip-header) is not: name the one header your proxy writes the client's address"
                    + " in (X-Forwarded-For for Caddy, nginx, HAProxy and Traefik; Forwarded; or X-Real-IP), since"
                    + " any other a client can write itself");
        }
        if (ipv6Prefix < 1 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("--ipv6-prefix must be from 1 to 128 (it is " + ipv6Prefix + ")");
        }
        return new ClientAddress(proxies, named, ipv6Prefix);
    }

    private static List<String> proxies(String list) {
        List<String> proxies = new ArrayList<>();
        for (String part : list.split(",")) {
            String proxy = part.strip();
            if (proxy.isEmpty()) {
                continue;
            }
            int slash = proxy.indexOf('/');
            String address = slash < 0 ? proxy : proxy.substring(0, slash);
            InetAddress parsed = literal(address);
            if (parsed == null) {
                throw new IllegalArgumentException("--trusted-proxies: '" + proxy + "' is not an address or CIDR range"
                        + " (names are not accepted)");
            }
            if (slash >= 0) {
                int bits;
                try {
                    bits = Integer.parseInt(proxy.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > parsed.getAddress().length * 8) {
                    throw new IllegalArgumentException("--trusted-proxies: '" + proxy + "' has a bad prefix length");
                }
            }
            proxies.add(proxy);
        }
        return proxies;
    }

    /** No proxy trusted: the peer is the client; IPv6 counted per /64. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of(), null, 64);
    }

    /** The client's whole address, worked out once per request: what the activity list shows. */
    public String of(Context ctx) {
        String cached = ctx.attribute(ATTRIBUTE);
        if (cached == null) {
            cached = resolve(ctx.req().getRemoteAddr(), name -> Collections.list(ctx.req().getHeaders(name)));
            ctx.attribute(ATTRIBUTE, cached);
        }
        return cached;
    }

    /** What limits count the request's client by: see {@link #key(String)}. */
    public String keyOf(Context ctx) {
        return key(of(ctx));
    }

    /**
     * What limits count an address by: an IPv4 address as it is, an IPv6 address cut to its first
     * {@code FOB_IPV6_PREFIX} bits and written with the prefix length ({@code 2001:db8:1:2:0:0:0:0/64}).
     * Anything else (the peer is always a literal; this is for safety) as it is.
     */
    public String key(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        for (int bit = ipv6Prefix; bit < 128; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6Prefix;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The client's address from the peer's and the header lines ({@code lines} gives every line of a header, by
     * name, in order); public for tests of the rule itself.
     */
    public String resolve(String peer, Function<String, List<String>> lines) {
        InetAddress peerAddress = literal(peer);
        if (!anyTrusted || header == null || peerAddress == null || !trusted.test(peerAddress)) {
            return normal(peer, peerAddress);
        }
        List<String> hops = new ArrayList<>();
        for (String line : lines.apply(header)) {
            hops.addAll(header.equals("Forwarded") ? forwardedFor(line) : commaList(line));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // An obfuscated or unknown hop ("unknown", "_hidden", a name, nothing): the nearest trustworthy
                // answer is the last proxy that named it.
                break;
            }
            if (!trusted.test(hop)) {
                return hop.getHostAddress();
            }
            peerAddress = hop;
        }
        return peerAddress.getHostAddress();
    }

    private static String normal(String peer, InetAddress parsed) {
        return parsed == null ? peer : parsed.getHostAddress();
    }

    private static List<String> commaList(String line) {
        List<String> hops = new ArrayList<>();
        for (String part : line.split(",", -1)) {
            hops.add(withoutPort(part.strip()));
        }
        return hops;
    }

    /**
     * The {@code for=} of each element of a Forwarded line, in order. Elements are split at every comma and pairs at
     * every semicolon, quotes or not: no address holds either, and a client's unbalanced quote must not swallow the
     * element the proxy appended after it (the rightmost is the proxy's, and must read as itself).
     */
    private static List<String> forwardedFor(String line) {
        List<String> hops = new ArrayList<>();
        for (String element : line.split(",", -1)) {
            String value = null;
            for (String pair : element.split(";", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                    value = pair.substring(eq + 1).strip();
                }
            }
            if (value == null) {
                // An element without for= hides its client: treat it as unknown.
                value = "unknown";
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            hops.add(withoutPort(value));
        }
        return hops;
    }

    /** {@code 1.2.3.4:5678} to {@code 1.2.3.4}, {@code [::1]:5678} to {@code ::1}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            return hop.substring(0, colon);
        }
        return hop;
    }

    /** The address if {@code text} is an IP literal; never a name lookup. */
    static InetAddress literal(String text) {
        if (text == null || text.length() > 64) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        String literal;
        if (IPV4.matcher(bare).matches()) {
            for (String octet : bare.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
            literal = bare;
        } else if (IPV6.matcher(bare).matches()) {
            // In brackets InetAddress takes it as an IPv6 literal or refuses it; it never looks it up as a name.
            literal = "[" + bare + "]";
        } else {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
