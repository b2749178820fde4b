package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.core.JSUndefined;
import org.teavm.jso.dom.html.HTMLElement;

/** Small browser APIs that teavm-jso-apis does not bind, each one line of JavaScript. */
public final class Browser {
    private Browser() {
    }

    @JSBody(params = "dialog", script = "if (!dialog.open) dialog.showModal();")
    public static native void showModal(HTMLElement dialog);

    @JSBody(params = "dialog", script = "if (dialog.open) dialog.close();")
    public static native void closeDialog(HTMLElement dialog);

    @JSBody(params = "text", script = "return navigator.clipboard.writeText(text);")
    public static native JSPromise<JSUndefined> copyText(String text);

    @JSBody(script = "return document.hidden;")
    public static native boolean isDocumentHidden();

    @JSBody(params = "name", script = "var m = document.querySelector('meta[name=\"' + name + '\"]');"
            + " return m ? m.content : '';")
    public static native String meta(String name);

    @JSBody(params = "name", script = "if (self.performance && performance.mark) performance.mark(name);")
    public static native void mark(String name);

    @JSBody(script = "return performance.now();")
    public static native double now();

    /**
     * Records how long something took since {@code start} (a {@link #now()}), replacing the last record of that
     * name, so the timeline holds one entry however long the page runs. Benchmarks read it.
     */
    @JSBody(params = {"name", "start", "end", "count"}, script = "if (self.performance && performance.measure) {"
            + " performance.clearMeasures(name); performance.measure(name, {start: start, end: end, detail: count}); }")
    public static native void measure(String name, double start, double end, int count);

    /** The DOMException name of a rejected promise's reason ("QuotaExceededError", ...), or "". */
    @JSBody(params = "error", script = "return (error && error.name) ? String(error.name) : '';")
    public static native String errorName(JSObject error);

    @JSBody(params = "error", script = "return (error && error.message) ? String(error.message) : String(error);")
    public static native String errorMessage(JSObject error);

    @JSBody(params = "message", script = "console.error(message);")
    public static native void logError(String message);

    @JSBody(params = "title", script = "document.title = title;")
    public static native void setTitle(String title);

    @JSBody(script = "location.reload();")
    public static native void reload();

    /**
     * "kept permission millis" for fob.screen.StorageWarning: {@code persist()} (Firefox may prompt) or {@code
     * persisted()}, "?" without a StorageManager (WebKitGTK) or an answer; the persistent-storage permission, "?"
     * where it cannot be queried; and how long the answer took.
     */
    @JSBody(params = "ask", script = "var s = navigator.storage, t = performance.now(); return (s && s.persist &&"
            + " s.persisted ? (ask ? s.persist() : s.persisted()).then(String, function () { return '?'; })"
            + " : Promise.resolve('?')).then(function (kept) { var ms = Math.round(performance.now() - t); return"
            + " Promise.resolve().then(function () { return navigator.permissions.query({name: 'persistent-storage'});"
            + " }).then(function (p) { return p.state; }, function () { return '?'; }).then(function (state) {"
            + " return kept + ' ' + state + ' ' + ms; }); });")
    public static native JSPromise<JSString> storageKept(boolean ask);

    /** Whether the page runs as an installed app: its own window, or a Home Screen app on iOS. */
    @JSBody(script = "return (self.matchMedia && matchMedia('(display-mode: standalone)').matches)"
            + " || navigator.standalone === true;")
    public static native boolean isInstalled();

    @JSBody(params = {"element", "name", "value"}, script = "element.style.setProperty(name, value);")
    public static native void setStyle(HTMLElement element, String name, String value);
}
