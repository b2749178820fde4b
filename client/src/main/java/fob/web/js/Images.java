package fob.web.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int8Array;

/** Pixels from image files and from the camera, for the QR decoder. */
public final class Images {
    /** The longest side an image is scaled to: plenty for a QR code, and bounded work for a phone photo. */
    private static final int MAX_SIDE = 1600;

    private Images() {
    }

    /** RGBA pixels, four bytes each, row by row. */
    public interface Pixels extends JSObject {
        @JSProperty
        int getWidth();

        @JSProperty
        int getHeight();

        @JSProperty
        Int8Array getData();
    }

    /** Decodes an image file or blob; rejects when it is not an image the browser can read. */
    @JSBody(params = {"blob", "maxSide"}, script = "return createImageBitmap(blob).then(function (bitmap) {"
            + " var scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));"
            + " var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));"
            + " var canvas = new OffscreenCanvas(w, h), context = canvas.getContext('2d');"
            + " context.fillStyle = '#fff'; context.fillRect(0, 0, w, h);"
            + " context.drawImage(bitmap, 0, 0, w, h); bitmap.close();"
            + " var data = context.getImageData(0, 0, w, h).data;"
            + " return {width: w, height: h, data: new Int8Array(data.buffer, data.byteOffset, data.length)};"
            + "});")
    private static native JSPromise<Pixels> decode(JSObject blob, int maxSide);

    public static JSPromise<Pixels> decode(JSObject blob) {
        return decode(blob, MAX_SIDE);
    }

    /** The video's current frame, or null while the camera has not delivered one yet. */
    @JSBody(params = {"video", "maxSide"}, script = "var vw = video.videoWidth, vh = video.videoHeight;"
            + " if (!vw || !vh) return null;"
            + " var scale = Math.min(1, maxSide / Math.max(vw, vh));"
            + " var w = Math.round(vw * scale), h = Math.round(vh * scale);"
            + " var canvas = new OffscreenCanvas(w, h), context = canvas.getContext('2d', {willReadFrequently: true});"
            + " context.drawImage(video, 0, 0, w, h);"
            + " var data = context.getImageData(0, 0, w, h).data;"
            + " return {width: w, height: h, data: new Int8Array(data.buffer, data.byteOffset, data.length)};")
    private static native Pixels frame(HTMLElement video, int maxSide);

    public static Pixels frame(HTMLElement video) {
        return frame(video, 960);
    }

    /** Whether this browser offers a camera API at all (it needs a secure origin). */
    @JSBody(script = "return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);")
    public static native boolean cameraAvailable();

    /** Starts the back camera (or any camera) into the video element; resolves once it plays. */
    @JSBody(params = "video", script = "return navigator.mediaDevices.getUserMedia("
            + "{video: {facingMode: {ideal: 'environment'}}, audio: false}).then(function (stream) {"
            + " video.srcObject = stream; return video.play(); });")
    public static native JSPromise<JSObject> startCamera(HTMLElement video);

    @JSBody(params = "video", script = "var stream = video.srcObject; if (stream) {"
            + " stream.getTracks().forEach(function (t) { t.stop(); }); } video.srcObject = null;")
    public static native void stopCamera(HTMLElement video);

    /** The first image file in a paste or drop event, or null. */
    @JSBody(params = "event", script = "var data = event.clipboardData || event.dataTransfer; if (!data) return null;"
            + " var files = data.files || []; for (var i = 0; i < files.length; i++) {"
            + "  if (files[i].type.indexOf('image/') === 0) return files[i]; }"
            + " var items = data.items || []; for (var j = 0; j < items.length; j++) {"
            + "  if (items[j].kind === 'file' && items[j].type.indexOf('image/') === 0) return items[j].getAsFile(); }"
            + " return null;")
    public static native JSObject imageIn(JSObject event);
}
