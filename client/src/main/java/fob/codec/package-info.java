/**
 * Encodings of bytes and text without regular expressions or reflection, which TeaVM would make costly: Base32,
 * Base64url, hex, percent-encoding, and splitting text into lines and fields.
 *
 * <p>May use fob.text (its errors are for people).
 */
package fob.codec;
