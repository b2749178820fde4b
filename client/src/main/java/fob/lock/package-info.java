/**
 * The app lock: the vault key sealed once more under a lock key that password and passkey slots wrap
 * ({@link fob.lock.AppLock}, docs/formats.md), what one page knows of it ({@link fob.lock.LockKeeper}), when an
 * unlocked page locks by itself ({@link fob.lock.IdleLock}), its passkey ceremonies' options and the password
 * strength hint. On this device alone: nothing here talks to a server.
 *
 * <p>May use fob.crypto, fob.json, fob.codec and fob.text.
 */
package fob.lock;
