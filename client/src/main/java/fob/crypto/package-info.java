/**
 * The cryptographic primitives Fob's formats are made of, as ports: AES-256-GCM with HKDF-SHA256 and random bytes
 * ({@link fob.crypto.Aead}), and P-256 ECDH ({@link fob.crypto.Ecdh}). Each has a BouncyCastle implementation here,
 * the JVM's and the reference for the test vectors; the browser layer implements the same ports with WebCrypto.
 * Their failures ({@link fob.crypto.DecryptionException}, {@link fob.crypto.InvalidPointException}) carry no words
 * for people: each caller says in its own words what did not open.
 *
 * <p>Uses no other fob package: it is the bottom of the core, below backup, lock, imports and local.
 */
package fob.crypto;
