package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int8Array;

/** Reading chosen files and saving new ones (a download; the bytes never leave the browser otherwise). */
public final class Files {
    private Files() {
    }

    /** The file chosen in a file input, or null. */
    @JSBody(params = "input", script = "return input.files && input.files.length ? input.files[0] : null;")
    public static native JSObject chosen(HTMLElement input);

    @JSBody(params = "file", script = "return file.arrayBuffer().then(function (b) { return new Int8Array(b); });")
    public static native JSPromise<Int8Array> bytes(JSObject file);

    /** Offers the text as a file to save, named {@code name}. */
    @JSBody(params = {"name", "type", "text"}, script = "var url = URL.createObjectURL(new Blob([text], {type: type}));"
            + " var a = document.createElement('a'); a.href = url; a.download = name; a.hidden = true;"
            + " document.body.appendChild(a); a.click(); a.remove();"
            + " setTimeout(function () { URL.revokeObjectURL(url); }, 60000);")
    public static native void save(String name, String type, String text);
}
