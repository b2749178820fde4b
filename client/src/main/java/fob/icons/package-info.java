/**
 * How an account's icon looks before or without an image: its letter and colour, which icon of the set to look
 * for (the slug of its issuer), which shard of the set holds it, and whether the icon is drawn in dark ink.
 *
 * <p>May use fob.vault (the account and its chosen icon); no other fob package.
 */
package fob.icons;
