/**
 * The browser layer, compiled by TeaVM: the page's start ({@link fob.web.App}), and in its subpackages the adapters
 * to IndexedDB, WebCrypto, fetch, the worker and the other browser APIs, and the views. It decides nothing that a
 * JVM test could not reach: what to show and what a change is live in fob.screen and the core packages.
 *
 * <p>May use every fob package; it is the only one that uses org.teavm (besides fob.teavm, TeaVM's class-library
 * patches), and no other package uses it.
 */
package fob.web;
