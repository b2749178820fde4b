package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Registers the service worker that keeps Fob working offline, and reports when a new version is ready. */
public final class ServiceWorkers {
    private ServiceWorkers() {
    }

    /** Called when a new version has taken over from the one this page was loaded with. */
    @JSFunctor
    public interface UpdateListener extends JSObject {
        void updated();
    }

    public static void register(String url, UpdateListener listener) {
        register(ScriptUrls.trusted(url), listener);
    }

    @JSBody(params = {"url", "listener"}, script = ""
            + "if (!('serviceWorker' in navigator)) return;"
            + "var hadController = !!navigator.serviceWorker.controller;"
            + "navigator.serviceWorker.addEventListener('controllerchange', function () {"
            + "  if (hadController) listener(); hadController = true; });"
            + "navigator.serviceWorker.register(url, {scope: '/', updateViaCache: 'none'})"
            + ".then(function (r) {"
            + "  document.addEventListener('visibilitychange', function () {"
            + "    if (!document.hidden) r.update().catch(function () {}); });"
            + "}).catch(function (e) { console.warn('Fob works online only: ' + e); });")
    private static native void register(JSObject url, UpdateListener listener);
}
