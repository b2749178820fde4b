package fob.web.ui;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/** A short message at the bottom of the screen, read out by screen readers. */
public final class Toast {
    private static int timer = -1;

    private Toast() {
    }

    public static void show(String message) {
        HTMLElement toast = Dom.byId("toast");
        toast.setTextContent(message);
        toast.getClassList().add("visible");
        if (timer >= 0) {
            Window.clearTimeout(timer);
        }
        timer = Window.setTimeout(() -> toast.getClassList().remove("visible"), 6000);
    }
}
