/**
 * Both sides of the browser's boundary to Fob's worker: {@link fob.web.worker.Worker}, the page's client of it
 * (compiled into app.js), and {@link fob.web.worker.WorkerExports}, the functions worker.wasm exports to
 * static/worker.js. Adapters only: the work itself is fob.worker's.
 *
 * <p>May use fob.worker, fob.text and fob.web.js, and TeaVM's API.
 */
package fob.web.worker;
