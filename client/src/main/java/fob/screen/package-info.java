/**
 * What the page's screens show and decide, in plain Java: view models of the list, its rows and the dialogs (which
 * parts show, what they say, which actions apply, what a click or key does, what a change to the vault is), so that
 * the browser layer only turns them into elements and events. Every class here runs and is tested on the JVM.
 *
 * <p>May use fob.vault, fob.otp, fob.imports, fob.link, fob.icons, fob.menu, fob.backup and fob.text; never fob.web
 * or org.teavm.
 */
package fob.screen;
