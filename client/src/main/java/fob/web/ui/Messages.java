package fob.web.ui;

import org.teavm.jso.dom.html.HTMLElement;

/** An error line next to what it is about: shown with its text, or hidden when there is none. */
final class Messages {
    private Messages() {
    }

    static void show(String elementId, String message) {
        HTMLElement element = Dom.byId(elementId);
        element.setTextContent(message == null ? "" : message);
        Dom.show(element, message != null && !message.isEmpty());
    }
}
