/**
 * The browser's side of the App lock: its passkey ceremonies on this device alone (WebAuthn with PRF, no server),
 * and Argon2id of a lock password in the worker. The lock's decisions and words are in {@code fob.lock}.
 *
 * <p>It may use {@code fob.lock}, {@code fob.text}, {@code fob.web.js}, {@code fob.web.worker} and {@code
 * fob.web.backup} (WebCrypto's random bytes).
 */
package fob.web.lock;
