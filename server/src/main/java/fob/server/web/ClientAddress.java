package fob.server.web;

import fob.server.ConfigException;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The address of the client behind a request, for rate limits, quotas and the activity list. The TCP peer is
 * the client unless it is one of the trusted proxies ({@code FOB_TRUSTED_PROXIES}); then the client is the
 * nearest address in {@code Forwarded} (RFC 7239), or else {@code X-Forwarded-For}, that is not itself a
 * trusted proxy. Those headers are read right to left because each proxy appends to them: what lies left of
 * the last untrusted address was written by the client and proves nothing.
 */
public final class ClientAddress {
    private static final String ATTRIBUTE = "fob.clientAddress";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final InetAddressSet trusted = new InetAddressSet();
    private final boolean anyTrusted;

    private ClientAddress(List<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            trusted.add(proxy);
        }
        this.anyTrusted = !trustedProxies.isEmpty();
    }

    /** Parses a comma-separated list of addresses and CIDR ranges, such as {@code 10.0.0.0/8, ::1}. */
    public static ClientAddress trusting(String list) throws ConfigException {
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
                throw new ConfigException("--trusted-proxies: '" + proxy + "' is not an address or CIDR range"
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
                    throw new ConfigException("--trusted-proxies: '" + proxy + "' has a bad prefix length");
                }
            }
            proxies.add(proxy);
        }
        return new ClientAddress(proxies);
    }

    /** No proxy trusted: the peer is the client. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /** The client's address, worked out once per request. */
    public String of(Context ctx) {
        String cached = ctx.attribute(ATTRIBUTE);
        if (cached == null) {
            cached = resolve(ctx.req().getRemoteAddr(), ctx.header("Forwarded"), ctx.header("X-Forwarded-For"));
            ctx.attribute(ATTRIBUTE, cached);
        }
        return cached;
    }

    /** The client's address from the peer's and the headers' (public for tests of the rule itself). */
    public String resolve(String peer, String forwarded, String forwardedFor) {
        InetAddress peerAddress = literal(peer);
        if (!anyTrusted || peerAddress == null || !trusted.test(peerAddress)) {
            return normal(peer, peerAddress);
        }
        List<String> hops = forwarded != null ? forwardedFor(forwarded) : commaList(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // An obfuscated or unknown hop ("unknown", "_hidden"): the nearest trustworthy answer is the last
                // proxy that named it.
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

    private static List<String> commaList(String header) {
        List<String> hops = new ArrayList<>();
        if (header != null) {
            for (String part : header.split(",")) {
                hops.add(withoutPort(part.strip()));
            }
        }
        return hops;
    }

    /** The {@code for=} of each element of a Forwarded header, in order. */
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            String value = null;
            for (String pair : element.split(";")) {
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
