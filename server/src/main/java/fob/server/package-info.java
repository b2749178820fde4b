/**
 * Start-up: the settings ({@link fob.server.Config}), the storage limit worked out from them, the Javalin
 * application that wires every part together ({@link fob.server.FobServer}), and the janitor. The top of the
 * server: it may use every other {@code fob.server} package, and none of them uses it.
 */
package fob.server;
