/**
 * The views: each dialog, panel and the list turns what fob.screen and the core decide into elements, and events
 * into calls. They hold the DOM (ids, attributes, focus, timers) and nothing that decides.
 *
 * <p>May use the core packages, fob.screen, fob.web and its adapters (fob.web.js, fob.web.store, fob.web.backup,
 * fob.web.lock, fob.web.worker), and org.teavm.
 */
package fob.web.ui;
