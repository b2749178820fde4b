package fob.web.backup;

import fob.backup.BackupException;
import fob.backup.Compression;
import fob.text.Text;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.worker.Worker;
import fob.web.worker.WorkerException;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * gzip by the browser's CompressionStream, much faster than Java compiled to script; where the browser has none
 * (Safari before 16.4, say), java.util.zip does the same work in Fob's worker, which has it anyway for imports,
 * and so keeps it out of the page's script.
 */
public final class BrowserCompression implements Compression {
    private final Worker worker;

    public BrowserCompression(Worker worker) {
        this.worker = worker;
    }

    @Override
    public byte[] compress(byte[] data) throws BackupException {
        if (!available()) {
            try {
                return worker.gzip(data);
            } catch (WorkerException e) {
                throw new BackupException(Text.t("The backup could not be compressed: {0}", e.getMessage()));
            }
        }
        try {
            return new Int8Array(Promises.await(gzip(Int8Array.copyFromJavaArray(data)))).copyToJavaArray();
        } catch (JsFailure e) {
            throw new BackupException(Text.t("The backup could not be compressed: {0}", e.getMessage()));
        }
    }

    @Override
    public byte[] expand(byte[] gzip, int maxBytes) throws BackupException {
        if (!available()) {
            try {
                return worker.gunzip(gzip, maxBytes);
            } catch (WorkerException e) {
                // The worker's message is the one GzipCompression gives: damaged, or too large.
                throw new BackupException(e.getMessage());
            }
        }
        ArrayBuffer expanded;
        try {
            expanded = Promises.await(gunzip(Int8Array.copyFromJavaArray(gzip), maxBytes));
        } catch (JsFailure e) {
            throw Compression.damaged();
        }
        if (expanded == null) {
            throw Compression.tooLarge(maxBytes);
        }
        return new Int8Array(expanded).copyToJavaArray();
    }

    @JSBody(script = "return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';")
    private static native boolean available();

    @JSBody(params = "plainBytes", script = "return new Response(new Blob([plainBytes]).stream()"
            + ".pipeThrough(new CompressionStream('gzip'))).arrayBuffer();")
    private static native JSPromise<ArrayBuffer> gzip(Int8Array plainBytes);

    /** The expanded bytes, or null once they pass {@code limitBytes} (the rest is not read). */
    @JSBody(params = {"gzipBytes", "limitBytes"}, script = "var reader = new Blob([gzipBytes]).stream()"
            + ".pipeThrough(new DecompressionStream('gzip')).getReader(); var chunks = []; var total = 0;"
            + " var next = function () { return reader.read().then(function (step) {"
            + "  if (step.done) { var all = new Uint8Array(total), at = 0;"
            + "   chunks.forEach(function (chunk) { all.set(chunk, at); at += chunk.length; }); return all.buffer; }"
            + "  total += step.value.length;"
            + "  if (total > limitBytes) { reader.cancel(); return null; }"
            + "  chunks.push(step.value); return next(); }); };"
            + " return next();")
    private static native JSPromise<ArrayBuffer> gunzip(Int8Array gzipBytes, int limitBytes);
}
