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
}
