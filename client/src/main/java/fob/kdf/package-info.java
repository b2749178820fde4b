/**
 * Fob's own Argon2id (RFC 9106), in plain Java so that TeaVM compiles it to WebAssembly for the worker, where
 * 64-bit arithmetic is native; checked against the RFC's vectors and BouncyCastle.
 *
 * <p>Uses no other fob package.
 */
package fob.kdf;
