package fob.e2e.support;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records, in the page, the PRF output of every passkey ceremony the page makes, by the credential that gave it: the
 * tests open the page's envelopes with them on the JVM, and look for them in what the page sent. Installed again
 * after each load.
 */
public final class PrfWatch {
    private PrfWatch() {
    }

    public static void install(FobPage page) {
        page.js("if (window.fobPrf) return; window.fobPrf = {};"
                + "var hex = function (buffer) { return Array.from(new Uint8Array(buffer), function (b) {"
                + "  return ('0' + b.toString(16)).slice(-2); }).join(''); };"
                + "var watch = function (ceremony) { return function (options) {"
                + "  return ceremony(options).then(function (credential) {"
                + "   var prf = credential.getClientExtensionResults().prf;"
                + "   if (prf && prf.results && prf.results.first) window.fobPrf[hex(credential.rawId)] ="
                + "     hex(prf.results.first);"
                + "   return credential; }); }; };"
                + "navigator.credentials.get = watch(navigator.credentials.get.bind(navigator.credentials));"
                + "navigator.credentials.create = watch(navigator.credentials.create.bind(navigator.credentials));");
    }

    /** Credential id to PRF output, both as bytes in hex, of the ceremonies since {@link #install}. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> outputs(FobPage page) {
        return new TreeMap<>((Map<String, String>) page.js("return window.fobPrf || {};"));
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Every form a secret of these bytes could take in a request: hex, base64 and base64url. */
    public static List<String> encodings(byte[] secret) {
        return List.of(HexFormat.of().formatHex(secret), java.util.Base64.getEncoder().encodeToString(secret)
                .replace("=", ""), java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
