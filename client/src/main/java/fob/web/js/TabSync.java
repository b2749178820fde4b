package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Tells Fob's other tabs that the vault changed, so that none of them shows, or saves over, an old one; that
 * Fob locked, so that every tab locks; and that Cloud backup's settings or the sign-in changed, so that each reads
 * them again (BroadcastChannel; where a browser lacks it, each tab locks on its own timer, and learns of backup
 * changes at its next reload).
 */
public final class TabSync {
    private static final String LOCK = "lock";
    private static final String BACKUP = "backup";

    private TabSync() {
    }

    /** Called in the other tabs. */
    @JSFunctor
    public interface Listener extends JSObject {
        void received(String message);
    }

    /** What the other tabs do. */
    public interface Handler {
        void vaultChanged();

        void locked();

        void backupChanged();
    }

    @JSBody(params = "listener", script = "if (!self.BroadcastChannel) return;"
            + " self.fobChannel = self.fobChannel || new BroadcastChannel('fob-vault');"
            + " self.fobChannel.onmessage = function (event) { listener(String(event.data)); };")
    private static native void listen(Listener listener);

    public static void listen(Handler handler) {
        listen(message -> {
            if (LOCK.equals(message)) {
                handler.locked();
            } else if (BACKUP.equals(message)) {
                handler.backupChanged();
            } else {
                handler.vaultChanged();
            }
        });
    }

    @JSBody(params = "message", script = "self.fobChannel = self.fobChannel"
            + " || (self.BroadcastChannel ? new BroadcastChannel('fob-vault') : null);"
            + " if (self.fobChannel) self.fobChannel.postMessage(message);")
    private static native void post(String message);

    public static void announceChange() {
        post("changed");
    }

    public static void announceLock() {
        post(LOCK);
    }

    public static void announceBackupChange() {
        post(BACKUP);
    }
}
