package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** The browser's EventSource (every browser Fob supports has it): open a stream, hear its events, close it. */
public final class EventStreams {
    private EventStreams() {
    }

    /** Hears "open", "error", and each named event of the stream. */
    @JSFunctor
    public interface Listener extends JSObject {
        void heard(String what);
    }

    /**
     * Opens a stream of {@code url} (same origin, with cookies) that reports to {@code listener} its opening,
     * its errors, and the events named in {@code events} (comma-separated).
     */
    @JSBody(params = {"url", "events", "listener"}, script = "var source = new EventSource(url);"
            + " source.onopen = function () { listener('open'); };"
            + " source.onerror = function () { listener('error'); };"
            + " events.split(',').forEach(function (name) {"
            + " source.addEventListener(name, function () { listener(name); }); });"
            + " return source;")
    public static native JSObject open(String url, String events, Listener listener);

    @JSBody(params = "source", script = "source.close();")
    public static native void close(JSObject source);

    /** Called once, when this tab becomes the leader. */
    @JSFunctor
    public interface Leadership extends JSObject {
        void gained();
    }

    /**
     * Makes this tab the leader of the browser's Fob tabs when no other is: the Web Locks API's lock, held until
     * the tab closes, then passed to a waiting tab. Where a browser lacks the API every tab leads.
     */
    @JSBody(params = "leadership", script = "if (!self.navigator.locks) { leadership(); return; }"
            + " self.navigator.locks.request('fob-live-sync', function () {"
            + " leadership(); return new Promise(function () {}); });")
    public static native void lead(Leadership leadership);
}
