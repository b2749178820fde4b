package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;

/**
 * Awaits a promise and keeps its rejection's name and message. TeaVM's own {@code JSPromise.await()} turns a
 * rejected DOMException into a bare RuntimeException, which would hide "QuotaExceededError" and the like.
 */
public final class Promises {
    private Promises() {
    }

    private interface Settled<T> extends JSObject {
        @JSProperty
        boolean isOk();

        @JSProperty
        T getValue();

        @JSProperty
        JSObject getError();
    }

    @JSBody(params = "promise", script = "return Promise.resolve(promise).then("
            + "function (v) { return {ok: true, value: v}; }, function (e) { return {ok: false, error: e}; });")
    private static native <T> JSPromise<Settled<T>> settle(JSPromise<T> promise);

    /** Waits for the promise; must run on a TeaVM thread (see {@link fob.web.Async}). */
    public static <T> T await(JSPromise<T> promise) throws JsFailure {
        Settled<T> settled = settle(promise).await();
        if (!settled.isOk()) {
            JSObject error = settled.getError();
            throw new JsFailure(Browser.errorName(error), Browser.errorMessage(error));
        }
        return settled.getValue();
    }
}
