/**
 * Cloud backup's decisions, in plain Java that the JVM tests reach (docs/architecture.md, "Backup sync"): the sync
 * core ({@link fob.sync.BackupSync}, a facade over {@link fob.sync.SyncLoop}, {@link fob.sync.BackupLifecycle},
 * {@link fob.sync.KeyRotation}, {@link fob.sync.OutsideRotation} and {@link fob.sync.KeptRecoveryCode}), the
 * recovery account's security policy ({@link fob.sync.RecoveryAccount}), live sync ({@link fob.sync.LiveUpdates}),
 * and Fob's server API with what each of its answers means ({@link fob.sync.ServerApi}, {@link
 * fob.sync.ServerFailure}). The page gives it ports: {@link fob.sync.HttpTransport}, {@link
 * fob.sync.PasskeyCeremonies}, {@link fob.sync.LocalVault}, {@link fob.sync.SyncStore} and {@link
 * fob.sync.Scheduler}; the tests give it a simulated world.
 *
 * <p>It may use {@code fob.backup}, {@code fob.crypto}, {@code fob.vault}, {@code fob.codec}, {@code fob.json} and
 * {@code fob.text}; never {@code fob.web} or {@code org.teavm}.
 */
package fob.sync;
