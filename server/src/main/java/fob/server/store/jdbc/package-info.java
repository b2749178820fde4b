/**
 * The store on SQLite (the default) or PostgreSQL: one class of SQL per table or concern over a shared
 * {@code Database} (its connections, transactions, row locks and group commit), the schema migrations
 * (db/sqlite, db/postgresql), the change feeds, and {@link fob.server.store.jdbc.Store}, the wiring that start-up
 * and tests hold. May use {@code fob.server.store} only; only {@code fob.server} (start-up) uses this package.
 */
package fob.server.store.jdbc;
