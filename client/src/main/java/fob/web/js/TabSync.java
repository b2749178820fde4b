package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Tells Fob's other tabs that the vault changed, so that none of them shows, or saves over, an old one. */
public final class TabSync {
    private TabSync() {
    }

    /** Called in the other tabs. */
    @JSFunctor
    public interface Listener extends JSObject {
        void vaultChanged();
    }

    @JSBody(params = "listener", script = "if (!self.BroadcastChannel) return;"
            + " self.fobChannel = self.fobChannel || new BroadcastChannel('fob-vault');"
            + " self.fobChannel.onmessage = function () { listener(); };")
    public static native void listen(Listener listener);

    @JSBody(script = "if (self.fobChannel) self.fobChannel.postMessage('changed');")
    public static native void announceChange();
}
