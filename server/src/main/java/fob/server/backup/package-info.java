/**
 * The signed-in account's backup over HTTP: conditional reads and writes, key rotations, history and deletion,
 * and the checks of an envelope the server can make without decrypting it. May use {@code fob.server.activity},
 * {@code fob.server.metrics}, {@code fob.server.session}, {@code fob.server.store} and {@code fob.server.web}.
 */
package fob.server.backup;
