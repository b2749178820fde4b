package fob.web.worker;

import fob.worker.WorkerTasks;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The worker's entry points, compiled to WebAssembly (worker.wasm) and called by static/worker.js: each hands its
 * typed arrays to {@link WorkerTasks}, which does the work in plain Java. Not part of the page's script: the page
 * talks to the worker through {@link Worker}.
 */
public final class WorkerExports {
    private WorkerExports() {
    }

    public static void main(String[] args) {
        // Nothing to start: the worker script calls the exported functions.
    }

    private static byte[] java(Int8Array bytes) {
        return bytes == null ? null : bytes.copyToJavaArray();
    }

    private static Int8Array js(byte[] bytes) {
        return Int8Array.copyFromJavaArray(bytes);
    }

    @JSExport
    public static Int8Array argon2id(Int8Array password, Int8Array salt, Int8Array secret, Int8Array associatedData,
            int memoryKiB, int iterations, int parallelism, int length) {
        return js(WorkerTasks.argon2id(java(password), java(salt), java(secret), java(associatedData), memoryKiB,
                iterations, parallelism, length));
    }

    @JSExport
    public static Int8Array scrypt(Int8Array password, Int8Array salt, int n, int r, int p, int length) {
        return js(WorkerTasks.scrypt(java(password), java(salt), n, r, p, length));
    }

    @JSExport
    public static void useLanguage(String tag, String catalogueJson) {
        WorkerTasks.useLanguage(tag, catalogueJson);
    }

    @JSExport
    public static Int8Array gzip(Int8Array data) {
        return js(WorkerTasks.gzip(java(data)));
    }

    @JSExport
    public static Int8Array gunzip(Int8Array data, int maxBytes) {
        return js(WorkerTasks.gunzip(java(data), maxBytes));
    }

    @JSExport
    public static String readImport(Int8Array bytes, String text, String password) {
        return WorkerTasks.readImport(java(bytes), text, password);
    }

    @JSExport
    public static String decodeQr(Int8Array rgba, int width, int height) {
        return WorkerTasks.decodeQr(java(rgba), width, height);
    }

    @JSExport
    public static String encodeQr(String text) {
        return WorkerTasks.encodeQr(text);
    }
}
