/**
 * What the server keeps, as its consumers see it: one narrow interface per consumer (as Yubico's
 * {@code CredentialRepository} serves one), the records they read and write, the change feed between servers,
 * and the failures a store reports. The implementations are in {@code fob.server.store.jdbc}; consumers depend on
 * these interfaces only. Uses no other {@code fob.server} package.
 */
package fob.server.store;
