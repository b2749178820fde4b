"use strict";
// Fob's worker. It runs worker.wasm (Java compiled by TeaVM) off the page's thread: key derivations, reading
// import files, reading and drawing QR codes, and gzip.
// Messages in:  {id, op: "argon2id", password, salt, secret?, associatedData?, memoryKiB, iterations,
//                parallelism, length}, {id, op: "scrypt", password, salt, n, r, p, length},
//                {id, op: "readImport", bytes?, text?, password?}, {id, op: "decodeQr", rgba, width, height},
//                {id, op: "encodeQr", text}, {id, op: "useLanguage", tag, catalogue} (the catalogue's JSON text),
//                {id, op: "gzip", data}, {id, op: "gunzip", data, maxBytes}
//                                                            (byte fields are Uint8Array or Int8Array)
// Messages out: {id, ok: true, result, millis} or {id, ok: false, error: "<message>"}; result is a Uint8Array
//               for the derivations and gzip, a string (or null) for the others.
// This script's response carries its own CSP: TeaVM's Wasm runtime builds its JS glue with new Function.
importScripts("worker-runtime.js");

const ready = TeaVM.wasmGC.load("worker.wasm");
const bytes = (value) => value == null ? null : new Int8Array(value.buffer, value.byteOffset, value.byteLength);

self.onmessage = async (event) => {
  const request = event.data || {};
  try {
    const teavm = await ready;
    const started = performance.now();
    let result;
    if (request.op === "argon2id") {
      result = teavm.exports.argon2id(bytes(request.password), bytes(request.salt), bytes(request.secret),
          bytes(request.associatedData), request.memoryKiB, request.iterations, request.parallelism, request.length);
    } else if (request.op === "scrypt") {
      result = teavm.exports.scrypt(bytes(request.password), bytes(request.salt), request.n, request.r, request.p,
          request.length);
    } else if (request.op === "readImport") {
      result = teavm.exports.readImport(bytes(request.bytes), request.text ?? null, request.password ?? null);
    } else if (request.op === "decodeQr") {
      result = teavm.exports.decodeQr(bytes(request.rgba), request.width, request.height);
    } else if (request.op === "encodeQr") {
      result = teavm.exports.encodeQr(request.text);
    } else if (request.op === "gzip") {
      result = teavm.exports.gzip(bytes(request.data));
    } else if (request.op === "gunzip") {
      result = teavm.exports.gunzip(bytes(request.data), request.maxBytes);
    } else if (request.op === "useLanguage") {
      teavm.exports.useLanguage(request.tag, request.catalogue);
      result = null;
    } else {
      throw new Error("unknown operation " + request.op);
    }
    const output = result instanceof Int8Array
        ? new Uint8Array(result.buffer, result.byteOffset, result.byteLength).slice() : result;
    self.postMessage({id: request.id, ok: true, result: output, millis: performance.now() - started});
  } catch (e) {
    self.postMessage({id: request.id, ok: false, error: String(e && e.message || e)});
  }
};
