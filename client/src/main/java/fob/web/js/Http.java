package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/** fetch() for Fob's own API: same origin, the CSRF header on every write, the body as text. */
public final class Http {
    private Http() {
    }

    /** A response: its status, its ETag, and its body. */
    public interface Response extends JSObject {
        @JSProperty
        int getStatus();

        @JSProperty
        String getEtag();

        @JSProperty
        String getBody();

        /** The Retry-After header of a 429 (seconds), or null. */
        @JSProperty
        String getRetryAfter();
    }

    /**
     * Sends the request; rejects (TypeError) only when the server cannot be reached. {@code precondition} is
     * "If-Match" or "If-None-Match" (or null) and {@code preconditionValue} its value.
     */
    @JSBody(params = {"method", "path", "body", "precondition", "preconditionValue"}, script = ""
            + "var headers = {};"
            + "if (method !== 'GET') headers['X-Fob-Request'] = '1';"
            + "if (body !== null) headers['Content-Type'] = 'application/json';"
            + "if (precondition) headers[precondition] = preconditionValue;"
            + "return fetch(path, {method: method, headers: headers, body: body, credentials: 'same-origin',"
            + " cache: 'no-store'}).then(function (r) { return r.text().then(function (text) {"
            + "  return {status: r.status, etag: r.headers.get('ETag'), retryAfter: r.headers.get('Retry-After'),"
            + " body: text}; }); });")
    public static native JSPromise<Response> send(String method, String path, String body, String precondition,
            String preconditionValue);
}
