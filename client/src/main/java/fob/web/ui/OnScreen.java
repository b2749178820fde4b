package fob.web.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Which elements are on screen, from an IntersectionObserver. An element not yet reported counts as on
 * screen, so nothing is left stale before the first report; one that scrolls into view is reported to
 * {@code entered} at once.
 */
final class OnScreen {
    @JSFunctor
    interface Entered extends JSObject {
        void run();
    }

    private final JSObject observer;

    OnScreen(Entered entered) {
        observer = create(entered);
    }

    @JSBody(params = "entered", script = "return new IntersectionObserver(function (entries) { var any = false;"
            + " entries.forEach(function (e) { e.target.fobOnScreen = e.isIntersecting; any = any || e.isIntersecting; });"
            + " if (any) entered(); });")
    private static native JSObject create(Entered entered);

    @JSBody(params = {"observer", "element"}, script = "observer.observe(element);")
    private static native void observe(JSObject observer, HTMLElement element);

    @JSBody(params = "observer", script = "observer.disconnect();")
    private static native void disconnect(JSObject observer);

    @JSBody(params = "element", script = "return element.fobOnScreen !== false;")
    private static native boolean reportedOnScreen(HTMLElement element);

    void watch(HTMLElement element) {
        observe(observer, element);
    }

    void forgetAll() {
        disconnect(observer);
    }

    boolean isOnScreen(HTMLElement element) {
        return reportedOnScreen(element);
    }
}
