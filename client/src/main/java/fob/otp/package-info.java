/**
 * One-time codes: HOTP (RFC 4226), TOTP (RFC 6238) and Steam's, an account's code parameters and their checks, and
 * how long a code stays good.
 *
 * <p>May use fob.text (messages), and BouncyCastle's HMAC; no other fob package.
 */
package fob.otp;
