package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Passkey ceremonies in the browser, with WebAuthn Level 3's JSON forms: the server's options go in as JSON
 * and {@code credential.toJSON()} comes out, without its client extension results (the PRF output in them is
 * this browser's secret; it is handed to Fob separately and never sent).
 */
public final class WebAuthn {
    private WebAuthn() {
    }

    /** What a ceremony gives the page. */
    public interface Result extends JSObject {
        /** The response as JSON, for the server. */
        @JSProperty
        String getJson();

        @JSProperty
        Int8Array getCredentialId();

        /** The PRF output for the options' input, or null when the passkey gave none. */
        @JSProperty
        Int8Array getPrf();
    }

    private static final String PRF_INPUT = ""
            + "function fobPrf(options) { var prf = options.extensions && options.extensions.prf;"
            + " if (prf && prf.eval && typeof prf.eval.first === 'string') {"
            + "  var b64 = prf.eval.first.replace(/-/g, '+').replace(/_/g, '/');"
            + "  prf.eval.first = Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); }); } }";

    private static final String RESULT = ""
            + "function fobResult(credential) { var json = credential.toJSON(); json.clientExtensionResults = {};"
            + " var results = credential.getClientExtensionResults();"
            + " var prf = results.prf && results.prf.results && results.prf.results.first;"
            + " return {json: JSON.stringify(json), credentialId: new Int8Array(credential.rawId),"
            + "  prf: prf ? new Int8Array(prf.slice ? prf.slice(0) : prf) : null}; }";

    /** navigator.credentials.create with PublicKeyCredentialCreationOptionsJSON. */
    @JSBody(params = "optionsJson", script = PRF_INPUT + RESULT
            + "var options = JSON.parse(optionsJson); var prf = options.extensions && options.extensions.prf;"
            + "if (options.extensions) delete options.extensions.prf;"
            + "var publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options);"
            + "if (prf) { var holder = {extensions: {prf: prf}}; fobPrf(holder); publicKey.extensions.prf = holder.extensions.prf; }"
            + "return navigator.credentials.create({publicKey: publicKey}).then(fobResult);")
    public static native JSPromise<Result> create(String optionsJson);

    /** navigator.credentials.get with PublicKeyCredentialRequestOptionsJSON. */
    @JSBody(params = "optionsJson", script = PRF_INPUT + RESULT
            + "var options = JSON.parse(optionsJson); var prf = options.extensions && options.extensions.prf;"
            + "if (options.extensions) delete options.extensions.prf;"
            + "var publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options);"
            + "if (prf) { var holder = {extensions: {prf: prf}}; fobPrf(holder);"
            + " publicKey.extensions = publicKey.extensions || {}; publicKey.extensions.prf = holder.extensions.prf; }"
            + "return navigator.credentials.get({publicKey: publicKey}).then(fobResult);")
    public static native JSPromise<Result> get(String optionsJson);

    /** Whether this browser can do passkeys at all (it needs a secure origin). */
    @JSBody(script = "return !!(self.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON);")
    public static native boolean available();
}
