package fob.web.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.NodeList;

/** Finding and building elements. Text always goes in as text, never as HTML. */
public final class Dom {
    private Dom() {
    }

    public static HTMLDocument document() {
        return HTMLDocument.current();
    }

    public static org.teavm.jso.browser.Window window() {
        return org.teavm.jso.browser.Window.current();
    }

    public static <T extends HTMLElement> T byId(String id) {
        HTMLElement element = document().getElementById(id);
        if (element == null) {
            throw new IllegalStateException("index.html has no element #" + id);
        }
        @SuppressWarnings("unchecked")
        T typed = (T) element;
        return typed;
    }

    public static HTMLElement element(String tag, String className) {
        HTMLElement element = document().createElement(tag);
        if (className != null) {
            element.setClassName(className);
        }
        return element;
    }

    public static HTMLElement text(String tag, String className, String text) {
        HTMLElement element = element(tag, className);
        element.setTextContent(text);
        return element;
    }

    public static HTMLElement button(String label, String className, Runnable action) {
        HTMLElement button = text("button", className, label);
        button.setAttribute("type", "button");
        onClick(button, action);
        return button;
    }

    public static void onClick(HTMLElement element, Runnable action) {
        element.addEventListener("click", (EventListener<Event>) event -> action.run());
    }

    public static void show(HTMLElement element, boolean visible) {
        element.setHidden(!visible);
    }

    @JSBody(params = {"element", "selector"}, script = "return element.closest(selector);")
    public static native HTMLElement closest(HTMLElement element, String selector);

    @JSBody(params = {"ancestor", "element"}, script = "return ancestor.contains(element);")
    public static native boolean contains(HTMLElement ancestor, HTMLElement element);

    public static List<HTMLElement> all(String selector) {
        NodeList<? extends HTMLElement> nodes = document().querySelectorAll(selector);
        List<HTMLElement> elements = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add(nodes.get(i));
        }
        return elements;
    }

    /** The value of an input, select or textarea alike. */
    @JSBody(params = "element", script = "return element.value;")
    private static native String valueOf(HTMLElement element);

    @JSBody(params = {"element", "value"}, script = "element.value = value;")
    private static native void setValueOf(HTMLElement element, String value);

    public static String value(String inputId) {
        return valueOf(byId(inputId));
    }

    public static void setValue(String inputId, String value) {
        setValueOf(byId(inputId), value);
    }
}
