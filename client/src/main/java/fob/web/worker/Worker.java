package fob.web.worker;

import fob.text.Catalogue;
import fob.text.Language;
import fob.text.Text;
import fob.web.js.Browser;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.js.ScriptUrls;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The page's side of Fob's worker (worker.js running worker.wasm): Argon2id, reading import files, reading and
 * drawing QR codes, and gzip for browsers without CompressionStream, all off the page's thread and out of app.js.
 * The worker starts on first use and stays for the page's life.
 */
public final class Worker {
    private JSObject worker;

    @JSBody(params = "url", script = "var worker = new Worker(url); worker.fobNext = 1; worker.fobPending = {};"
            + " worker.onmessage = function (e) { var r = e.data, p = worker.fobPending[r.id];  if (!p) return; delete"
            + " worker.fobPending[r.id];  if (!r.ok) p.reject(new Error(r.error));  else p.resolve(r.result instanceof"
            + " Uint8Array ? new Int8Array(r.result.buffer) : r.result); }; worker.onerror = function (e) { for (var"
            + " id in worker.fobPending) {  worker.fobPending[id].reject(new Error('Fob\\'s worker failed: ' +"
            + " e.message)); }  worker.fobPending = {}; }; return worker;")
    private static native JSObject start(JSObject url);

    @JSBody(params = {"worker", "request"}, script = "return new Promise(function (resolve, reject) {"
            + " var id = worker.fobNext++; worker.fobPending[id] = {resolve: resolve, reject: reject}; request.id ="
            + " id; worker.postMessage(request); });")
    private static native JSPromise<JSObject> call(JSObject worker, JSObject request);

    @JSBody(params = {"password", "salt", "memoryKiB", "iterations", "parallelism", "length"}, script = "return {op:"
            + " 'argon2id', password: password, salt: salt, memoryKiB: memoryKiB, iterations: iterations, parallelism:"
            + " parallelism, length: length};")
    private static native JSObject argon2Request(Int8Array password, Int8Array salt, int memoryKiB, int iterations,
            int parallelism, int length);

    @JSBody(params = {"bytes", "text", "password"}, script = "return {op: 'readImport', bytes: bytes, text: text,"
            + " password: password};")
    private static native JSObject readImportRequest(Int8Array bytes, String text, String password);

    @JSBody(params = {"rgba", "width", "height"}, script = "return {op: 'decodeQr', rgba: rgba, width: width,"
            + " height: height};")
    private static native JSObject decodeQrRequest(JSObject rgba, int width, int height);

    @JSBody(params = {"languageTag", "catalogueJson"}, script = "return {op: 'useLanguage', tag: languageTag,"
            + " catalogue: catalogueJson};")
    private static native JSObject useLanguageRequest(String languageTag, String catalogueJson);

    @JSBody(params = {"dataBytes", "expanding", "limitBytes"}, script = "return {op: expanding ? 'gunzip' : 'gzip',"
            + " data: dataBytes, maxBytes: limitBytes};")
    private static native JSObject gzipRequest(Int8Array dataBytes, boolean expanding, int limitBytes);

    @JSBody(params = "text", script = "return {op: 'encodeQr', text: text};")
    private static native JSObject encodeQrRequest(String text);

    @JSBody(params = "value", script = "return value === null || value === undefined;")
    private static native boolean isNull(JSObject value);

    private JSObject worker() {
        if (worker == null) {
            worker = start(ScriptUrls.trusted("/v/" + Browser.meta("fob-version") + "/worker.js"));
            if (Text.language() != Language.ENGLISH) {
                // The worker takes its messages in order, so this comes first; its answer is not awaited.
                call(worker, useLanguageRequest(Text.language().tag(), Catalogue.write(Text.catalogue())));
            }
        }
        return worker;
    }

    private JSObject run(JSObject request) throws WorkerException {
        try {
            return Promises.await(call(worker(), request));
        } catch (JsFailure e) {
            throw new WorkerException(e.getMessage().replace("Error: ", ""));
        }
    }

    private String runForText(JSObject request) throws WorkerException {
        JSObject result = run(request);
        return isNull(result) ? null : ((JSString) result).stringValue();
    }

    public byte[] argon2id(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
            throws WorkerException {
        return ((Int8Array) run(argon2Request(Int8Array.copyFromJavaArray(password), Int8Array.copyFromJavaArray(salt),
                memoryKiB, iterations, parallelism, length))).copyToJavaArray();
    }

    /** See {@link fob.worker.WorkerTasks#readImport}: answers its JSON. */
    public String readImport(byte[] bytes, String text, String password) throws WorkerException {
        return runForText(readImportRequest(bytes == null ? null : Int8Array.copyFromJavaArray(bytes), text,
                password));
    }

    /** The text of the QR code in the RGBA pixels (a Uint8ClampedArray, passed as it is), or null for none. */
    public String decodeQr(JSObject rgba, int width, int height) throws WorkerException {
        return runForText(decodeQrRequest(rgba, width, height));
    }

    /** The modules of {@code text}'s QR code, as {@link fob.worker.WorkerTasks#encodeQr} gives them. */
    public String encodeQr(String text) throws WorkerException {
        return runForText(encodeQrRequest(text));
    }

    /** gzip by java.util.zip, for browsers without CompressionStream: kept out of the page's script. */
    public byte[] gzip(byte[] data) throws WorkerException {
        return ((Int8Array) run(gzipRequest(Int8Array.copyFromJavaArray(data), false, 0))).copyToJavaArray();
    }

    /** The expanded gzip, refused past {@code maxBytes}; see {@link fob.backup.GzipCompression#expand}. */
    public byte[] gunzip(byte[] gzip, int maxBytes) throws WorkerException {
        return ((Int8Array) run(gzipRequest(Int8Array.copyFromJavaArray(gzip), true, maxBytes))).copyToJavaArray();
    }
}
