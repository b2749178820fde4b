package fob.web.js;

import org.teavm.jso.JSBody;

/**
 * Clears a copied code from the clipboard once it has expired, if the clipboard still holds it (so nothing
 * the person copied since is lost). The browser allows it only while Fob has the focus and may read the
 * clipboard; when it refuses, Fob tries again the next time it gets the focus, until another code is copied.
 * {@code fobClipboard.settled} names the last code whose check has finished (the tests wait for it).
 */
public final class ClipboardCleaner {
    private ClipboardCleaner() {
    }

    @JSBody(params = {"code", "delay"}, script = "var self = window, state = self.fobClipboard || (self.fobClipboard = {});"
            + " if (state.timer) clearTimeout(state.timer);"
            + " if (state.onFocus) self.removeEventListener('focus', state.onFocus);"
            + " state.code = code; state.onFocus = null;"
            + " var attempt = function () {"
            + "  if (state.code !== code) return;"
            + "  navigator.clipboard.readText().then(function (text) {"
            + "   if (state.code !== code) return;"
            + "   state.code = null;"
            + "   var done = function () { state.settled = code; };"
            + "   if (text === code) return navigator.clipboard.writeText('').then(done);"
            + "   done();"
            + "  }).catch(function () {"
            + "   if (state.code !== code || state.onFocus) return;"
            + "   state.onFocus = function () { self.removeEventListener('focus', state.onFocus); state.onFocus = null; attempt(); };"
            + "   self.addEventListener('focus', state.onFocus);"
            + "  }); };"
            + " state.timer = setTimeout(attempt, delay);")
    public static native void clearWhenExpired(String code, double delay);
}
