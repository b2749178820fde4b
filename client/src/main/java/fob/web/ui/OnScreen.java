package fob.web.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Which rows are on screen, from an IntersectionObserver: each change is reported with the row's index (kept on
 * the element), then {@code settled} runs once per batch.
 */
final class OnScreen {
    @JSFunctor
    interface Changed extends JSObject {
        void changed(int index, boolean visible);
    }

    @JSFunctor
    interface Settled extends JSObject {
        void run();
    }

    private final JSObject observer;

    OnScreen(Changed changed, Settled settled) {
        observer = create(changed, settled);
    }

    // A margin of half a screen: rows about to scroll in have their codes ready.
    @JSBody(params = {"changed", "settled"}, script = "return new IntersectionObserver(function (entries) {"
            + " entries.forEach(function (e) { changed(e.target.fobIndex, e.isIntersecting); }); settled(); },"
            + " {rootMargin: '50% 0px'});")
    private static native JSObject create(Changed changed, Settled settled);

    @JSBody(params = {"observer", "element", "index"}, script = "element.fobIndex = index; observer.observe(element);")
    private static native void observe(JSObject observer, HTMLElement element, int index);

    @JSBody(params = "observer", script = "observer.disconnect();")
    private static native void disconnect(JSObject observer);

    void watch(HTMLElement element, int index) {
        observe(observer, element, index);
    }

    void forgetAll() {
        disconnect(observer);
    }
}
