package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * The page's Trusted Types policy, "fob": the CSP lets script URLs come only from it, and it passes only the
 * service worker and Fob's own versioned scripts. Injected markup could not load a script through it.
 */
public final class ScriptUrls {
    private ScriptUrls() {
    }

    @JSBody(params = "url", script = "if (!self.trustedTypes) return url;"
            + " self.fobPolicy = self.fobPolicy || trustedTypes.createPolicy('fob', {createScriptURL: function (u) {"
            + "  if (u === '/sw.js' || /^\\/v\\/[0-9a-f]+\\/[a-z0-9-]+\\.js$/.test(u)) return u;"
            + "  throw new TypeError('Fob loads no script from ' + u); }});"
            + " return self.fobPolicy.createScriptURL(url);")
    public static native JSObject trusted(String url);
}
