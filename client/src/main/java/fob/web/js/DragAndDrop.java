package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;

/** The HTML drag and drop of rows (mouse and pen; the keyboard has "Move up" and "Move down"). */
public final class DragAndDrop {
    private DragAndDrop() {
    }

    /** A drag of Fob's own kind: dropped outside Fob, it carries no text anywhere. */
    @JSBody(params = "event", script = "if (event.dataTransfer) { event.dataTransfer.effectAllowed = 'move';"
            + " event.dataTransfer.setData('application/x-fob-account', ''); }")
    public static native void start(Event event);

    /** Lets the row under the pointer take the drop. */
    @JSBody(params = "event", script = "event.preventDefault();"
            + " if (event.dataTransfer) { event.dataTransfer.dropEffect = 'move'; }")
    public static native void allowDrop(Event event);
}
