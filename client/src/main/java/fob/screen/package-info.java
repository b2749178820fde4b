/**
 * What the page's screens show and decide, in plain Java: view models of the list, its rows and the dialogs (which
 * parts show, what they say, which actions apply, what a click does, what an import or export holds, what a change
 * to the vault is), so that the browser layer only turns them into elements and events. Everything here runs and is
 * tested on the JVM.
 *
 * <p>May use fob.vault, fob.otp, fob.link, fob.imports, fob.backup, fob.lock, fob.device and fob.text (and
 * nanojson); never fob.web or org.teavm.
 */
package fob.screen;
