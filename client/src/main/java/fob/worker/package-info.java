/**
 * What Fob's worker does for the page, in plain Java tested on the JVM ({@link fob.worker.WorkerTasks}): key
 * derivations, reading import files, reading and drawing QR codes, gzip. TeaVM compiles it to worker.wasm; the
 * browser's side of that boundary (the exported functions, the page's client) is fob.web.worker.
 *
 * <p>May use fob.imports, fob.backup (gzip), fob.crypto, fob.kdf, fob.qr, fob.json and fob.text; no TeaVM API.
 */
package fob.worker;
