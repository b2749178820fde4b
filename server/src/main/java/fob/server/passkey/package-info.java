/**
 * WebAuthn: creating a recovery account with its first passkey, signing in and out, and listing, adding and
 * removing passkeys, each ceremony bound to the browser that began it and rate-limited. May use
 * {@code fob.server.activity}, {@code fob.server.session}, {@code fob.server.store} and {@code fob.server.web}.
 */
package fob.server.passkey;
