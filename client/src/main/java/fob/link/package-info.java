/**
 * The otpauth:// link (Google's Key URI Format): parsed strictly enough to say what is wrong, leniently enough to
 * take what real apps write, and written back.
 *
 * <p>May use fob.otp, fob.codec and fob.text.
 */
package fob.link;
