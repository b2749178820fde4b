package fob.web.kdf;

import fob.imports.ImportException;
import fob.imports.Kdf;
import fob.web.js.Browser;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.js.ScriptUrls;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * {@link Kdf} for the page: scrypt and Argon2id in the Wasm worker (kdf-worker.js), off the page's thread, and
 * PBKDF2 in WebCrypto. The worker starts on first use and stays for the page's life.
 */
public final class WorkerKdf implements Kdf {
    private JSObject worker;

    @JSBody(params = "url", script = "var worker = new Worker(url); worker.fobNext = 1; worker.fobPending = {};"
            + " worker.onmessage = function (e) { var r = e.data, p = worker.fobPending[r.id];"
            + "  if (!p) return; delete worker.fobPending[r.id];"
            + "  if (r.ok) p.resolve(new Int8Array(r.result.buffer)); else p.reject(new Error(r.error)); };"
            + " worker.onerror = function (e) { for (var id in worker.fobPending) {"
            + "  worker.fobPending[id].reject(new Error('the key worker failed: ' + e.message)); }"
            + "  worker.fobPending = {}; };"
            + " return worker;")
    private static native JSObject start(JSObject url);

    @JSBody(params = {"worker", "request"}, script = "return new Promise(function (resolve, reject) {"
            + " var id = worker.fobNext++; worker.fobPending[id] = {resolve: resolve, reject: reject};"
            + " request.id = id; worker.postMessage(request); });")
    private static native JSPromise<Int8Array> call(JSObject worker, JSObject request);

    @JSBody(params = {"password", "salt", "n", "r", "p", "length"}, script = "return {op: 'scrypt', password: password,"
            + " salt: salt, n: n, r: r, p: p, length: length};")
    private static native JSObject scryptRequest(Int8Array password, Int8Array salt, int n, int r, int p, int length);

    @JSBody(params = {"password", "salt", "memoryKiB", "iterations", "parallelism", "length"}, script = "return {op:"
            + " 'argon2id', password: password, salt: salt, memoryKiB: memoryKiB, iterations: iterations,"
            + " parallelism: parallelism, length: length};")
    private static native JSObject argon2Request(Int8Array password, Int8Array salt, int memoryKiB, int iterations,
            int parallelism, int length);

    @JSBody(params = {"password", "salt", "iterations", "bits"}, script = ""
            + "return crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']).then(function (k) {"
            + " return crypto.subtle.deriveBits({name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations},"
            + " k, bits); });")
    private static native JSPromise<ArrayBuffer> pbkdf2(Int8Array password, Int8Array salt, int iterations, int bits);

    private JSObject worker() {
        if (worker == null) {
            worker = start(ScriptUrls.trusted("/v/" + Browser.meta("fob-version") + "/kdf-worker.js"));
        }
        return worker;
    }

    private byte[] run(JSObject request) throws ImportException {
        try {
            return Promises.await(call(worker(), request)).copyToJavaArray();
        } catch (JsFailure e) {
            throw new ImportException(e.getMessage().replace("Error: ", ""));
        }
    }

    @Override
    public byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) throws ImportException {
        return run(scryptRequest(Int8Array.copyFromJavaArray(password), Int8Array.copyFromJavaArray(salt), n, r, p,
                length));
    }

    @Override
    public byte[] argon2id(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length)
            throws ImportException {
        return run(argon2Request(Int8Array.copyFromJavaArray(password), Int8Array.copyFromJavaArray(salt), memoryKiB,
                iterations, parallelism, length));
    }

    @Override
    public byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations, int length) throws ImportException {
        try {
            return new Int8Array(Promises.await(pbkdf2(Int8Array.copyFromJavaArray(password),
                    Int8Array.copyFromJavaArray(salt), iterations, length * 8))).copyToJavaArray();
        } catch (JsFailure e) {
            throw new ImportException("The key could not be derived (" + e.getMessage() + ")");
        }
    }
}
