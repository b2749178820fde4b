/**
 * The signed-in recovery account's own settings: its signed-in devices (list, rename, end one or every other)
 * and deleting the account with everything kept about it. May use {@code fob.server.activity},
 * {@code fob.server.passkey} (the per-account limit whose bucket goes with the account), {@code fob.server.session},
 * {@code fob.server.store} and {@code fob.server.web}.
 */
package fob.server.account;
