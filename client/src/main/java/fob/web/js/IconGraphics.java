package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int8Array;

/** Drawing icons without parsing markup (the page's Trusted Types allow none): SVG elements, and canvases. */
public final class IconGraphics {
    private IconGraphics() {
    }

    @JSBody(params = {"bytes", "type"}, script = "return new Blob([bytes], {type: type});")
    public static native JSObject blob(Int8Array bytes, String type);

    /** A shard of the icon set, or null when the server has none at that URL. */
    @JSBody(params = "url", script = "return fetch(url, {credentials: 'same-origin'}).then(function (response) {"
            + " return response.ok ? response.json() : null; });")
    public static native JSPromise<JSObject> fetchShard(String url);

    /** The shard's entry for the slug: [title, hex colour, path], or null. */
    @JSBody(params = {"shard", "slug"}, script = "var found = shard && Object.prototype.hasOwnProperty.call(shard,"
            + " slug) ? shard[slug] : null; return Array.isArray(found) && found.length === 3 ? found : null;")
    public static native JSObject entry(JSObject shard, String slug);

    @JSBody(params = {"entry", "index"}, script = "return String(entry[index]);")
    public static native String part(JSObject entry, int index);

    /** The set's icon: its path in {@code ink} on its brand colour. */
    @JSBody(params = {"avatar", "path", "colour", "ink"}, script = "var svgNs = 'http://www.w3.org/2000/svg';"
            + " var svgElement = document.createElementNS(svgNs, 'svg');"
            + " svgElement.setAttribute('viewBox', '0 0 24 24'); svgElement.setAttribute('focusable', 'false');"
            + " var pathElement = document.createElementNS(svgNs, 'path'); pathElement.setAttribute('d', path);"
            + " pathElement.setAttribute('fill', ink); svgElement.appendChild(pathElement);"
            + " avatar.textContent = ''; avatar.style.backgroundColor = colour; avatar.classList.add('set');"
            + " avatar.appendChild(svgElement);")
    public static native void drawSetIcon(HTMLElement avatar, String path, String colour, String ink);

    /** An own image (a PNG Fob drew), decoded and drawn onto a canvas: no URL, so the CSP needs no data: or blob:. */
    @JSBody(params = {"avatar", "png"}, script = "return createImageBitmap(new Blob([png], {type: 'image/png'}))"
            + ".then(function (bitmap) { var canvasElement = document.createElement('canvas');"
            + " canvasElement.width = bitmap.width; canvasElement.height = bitmap.height;"
            + " canvasElement.getContext('2d').drawImage(bitmap, 0, 0); bitmap.close(); avatar.textContent = '';"
            + " avatar.style.backgroundColor = 'transparent'; avatar.classList.add('image');"
            + " avatar.appendChild(canvasElement); });")
    public static native JSPromise<JSObject> drawImage(HTMLElement avatar, Int8Array png);

    /**
     * An image file drawn anew, {@code side} pixels square (cropped to its middle), as PNG bytes: whatever the file
     * held (script in an SVG, metadata, a huge size), only pixels come out. Rejects what the browser cannot decode.
     */
    // Inner names are long: TeaVM renames a JSBody's parameters to single letters, which they would shadow.
    @JSBody(params = {"file", "side"}, script = "return createImageBitmap(file).then(function (bitmap) {"
            + " var square = Math.min(bitmap.width, bitmap.height);"
            + " var canvasElement = document.createElement('canvas'); canvasElement.width = side;"
            + " canvasElement.height = side; canvasElement.getContext('2d').drawImage(bitmap,"
            + " (bitmap.width - square) / 2, (bitmap.height - square) / 2, square, square, 0, 0, side, side);"
            + " bitmap.close(); return new Promise(function (resolve, reject) {"
            + " canvasElement.toBlob(function (blob) {"
            + " if (!blob) { reject(new Error('the image could not be drawn')); return; }"
            + " blob.arrayBuffer().then(function (buffer) { resolve(new Int8Array(buffer)); }, reject);"
            + " }, 'image/png'); }); });")
    public static native JSPromise<Int8Array> redraw(JSObject file, int side);
}
