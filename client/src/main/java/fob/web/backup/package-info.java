/**
 * The browser's side of Cloud backup: adapters for the ports of {@code fob.sync} (fetch, WebAuthn with PRF, the
 * vault session, IndexedDB through {@code fob.web.store}, timers, gzip, WebCrypto), the live-sync EventSource, and
 * {@link fob.web.backup.BackupService}, which wires them. It decides nothing: every decision is in {@code fob.sync}.
 *
 * <p>It may use {@code fob.sync}, {@code fob.backup}, {@code fob.crypto}, {@code fob.vault}, {@code fob.text},
 * {@code fob.web}, {@code fob.web.js}, {@code fob.web.store} and {@code fob.web.worker}.
 */
package fob.web.backup;
