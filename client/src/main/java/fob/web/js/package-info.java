/**
 * Bindings of browser APIs that teavm-jso-apis lacks, mostly a line of JavaScript each (clipboard, files, images and
 * the camera, dialogs, drag and drop, event streams, tab messages, WebAuthn, the service worker), and the browser's
 * JSON.parse for the core's JSON ({@link fob.web.js.BrowserJson}).
 *
 * <p>May use fob.json (the parser it plugs in) and org.teavm; no other fob package.
 */
package fob.web.js;
