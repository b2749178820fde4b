package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.local.StorageException;
import fob.vault.VaultException;
import java.util.function.LongSupplier;

/**
 * Cloud backup's decisions, in plain Java (docs/architecture.md, "Backup sync"), as one object for the page and the
 * tests: it wires the parts, each with one job, and hands each call to its part. {@link SyncLoop}: uploads, pulls
 * and merges in the background; {@link BackupLifecycle}: sign-in, turning backup on, stopping, deleting, switching
 * account, restoring; {@link KeyRotation} and {@link OutsideRotation}: new keys, and adopting another device's;
 * {@link KeptRecoveryCode}: the code kept until saved; {@link BackupKeys}: passkey slots; {@link History}: earlier
 * versions. They share one tab's state and lock ({@link SyncTab}). The page gives it adapters for the server, the
 * vault, storage and timers; the model test gives it a simulated world.
 *
 * <p>Every operation first reads the shared state from storage (this browser's tabs share it) and runs under one
 * lock. {@link #vaultChanged} takes no lock: it is called while the vault's own lock is held.
 */
public final class BackupSync {
    /** How long a burst of changes waits before its one upload. */
    public static final int DEBOUNCE_MILLIS = SyncLoop.DEBOUNCE_MILLIS;
    static final int MAX_RETRY_MILLIS = SyncTab.MAX_RETRY_MILLIS;

    private final SyncTab tab;
    private final SyncLoop loop;
    private final BackupLifecycle lifecycle;
    private final KeyRotation rotation;
    private final OutsideRotation outside;
    private final KeptRecoveryCode kept;
    private final BackupKeys keys;
    private final History history;

    public BackupSync(BackupServer server, LocalVault local, SyncStore store, Scheduler scheduler,
            LongSupplier clock, BackupCodec codec) {
        tab = new SyncTab(server, local, store, scheduler, clock, codec);
        kept = new KeptRecoveryCode(tab);
        outside = new OutsideRotation(tab);
        loop = new SyncLoop(tab, kept, outside);
        lifecycle = new BackupLifecycle(tab, kept);
        rotation = new KeyRotation(tab, loop, kept);
        keys = new BackupKeys(tab);
        history = new History(codec, local, clock);
    }

    public void onChange(Runnable listener) {
        tab.onChange(listener);
    }

    /**
     * How this tab tells Fob's other tabs in the browser that what they hold in memory is out of date: Cloud backup
     * turned on or off, another recovery account or backup joined, a sign-in or a sign-out (the session cookie is
     * the browser's). Each of them then calls {@link #otherTabChanged}. Without it a tab open before backup was
     * turned on elsewhere said "Not backed up", never pulled, and held no live-sync stream when it came to lead.
     */
    public void tellOtherTabsWith(Runnable announce) {
        tab.tellOtherTabsWith(announce);
    }

    /** Another tab changed Cloud backup's settings or the sign-in: this tab reads them again, as at its start. */
    public void otherTabChanged() {
        loop.start();
    }

    public SyncStatus status() {
        return tab.status;
    }

    /** Why the backup is not up to date, or "". */
    public String problem() {
        return tab.problem;
    }

    public SyncState state() {
        return tab.state;
    }

    /** The signed-in recovery account, or null (signed out, or not known yet). */
    public BackupServer.Account account() {
        return tab.account;
    }

    /** Whether the server said nobody is signed in (false also while it is not known). */
    public boolean isSignedOut() {
        return tab.isSignedOut();
    }

    /** Whether this browser backs up to the recovery account signed in now (Cloud backup on, for that account). */
    public boolean canSync() {
        return tab.canSync();
    }

    /** Whether Cloud backup is on and someone is signed in: a live-sync stream ({@link LiveUpdates}) is wanted. */
    public boolean isOnAndSignedIn() {
        return tab.state.enabled && tab.account != null;
    }

    // Background work (SyncLoop): its failures only show in the status.

    /** {@link SyncLoop#start}. */
    public void start() {
        loop.start();
    }

    /** {@link SyncLoop#vaultChanged}. */
    public void vaultChanged() {
        loop.vaultChanged();
    }

    /** Tries again at once: the browser is back online, or the person signed in again. */
    public void retryNow() {
        tab.retryNow();
    }

    /** {@link SyncLoop#upload}. */
    public void upload() {
        loop.upload();
    }

    /** {@link SyncLoop#pull}. */
    public void pull() {
        loop.pull();
    }

    // What the person does; failures are thrown, to be shown where they acted.

    /** {@link BackupLifecycle#signedIn}. */
    public void signedIn(BackupServer.Account who) {
        lifecycle.signedIn(who);
    }

    public void signedOut() {
        lifecycle.signedOut();
    }

    /** {@link BackupLifecycle#enable}. */
    public Enabled enable(PasskeyKey key) throws ServerFailure, StorageException, BackupException,
            VaultException {
        return lifecycle.enable(key);
    }

    /** {@link BackupLifecycle#stopOnThisDevice}. */
    public void stopOnThisDevice() throws StorageException {
        lifecycle.stopOnThisDevice();
    }

    /** {@link BackupLifecycle#deleteForAllDevices}. */
    public void deleteForAllDevices() throws ServerFailure, StorageException {
        lifecycle.deleteForAllDevices();
    }

    /** {@link BackupLifecycle#switchToSignedInAccount}. */
    public Enabled switchToSignedInAccount(PasskeyKey key) throws ServerFailure, StorageException,
            BackupException, VaultException {
        return lifecycle.switchToSignedInAccount(key);
    }

    /** {@link BackupLifecycle#beginRestore}. */
    public Restore beginRestore(PasskeyKey key) throws ServerFailure, BackupException {
        return lifecycle.beginRestore(key);
    }

    /** {@link KeyRotation#rotate}. */
    public Rotation rotate(PasskeyKey key, byte[] leftOut) throws ServerFailure, StorageException,
            BackupException, VaultException {
        return rotation.rotate(key, leftOut);
    }

    /** {@link OutsideRotation#rotate}. */
    public Rotation rotateFromOutside(PasskeyKey key, String recoveryCode, byte[] leftOut) throws ServerFailure,
            StorageException, BackupException {
        return outside.rotate(key, recoveryCode, leftOut);
    }

    /** {@link KeyRotation#adoptRotatedKey}. */
    public boolean adoptRotatedKey(PasskeyKey key) throws ServerFailure, StorageException, BackupException,
            VaultException {
        return rotation.adoptRotatedKey(key);
    }

    /** {@link BackupLifecycle#newKeyWhileBackupIsOff}. */
    public boolean newKeyWhileBackupIsOff() throws StorageException, VaultException {
        return lifecycle.newKeyWhileBackupIsOff();
    }

    /** {@link BackupKeys#ensurePasskeySlot}. */
    public void ensurePasskeySlot(PasskeyKey key) throws StorageException, BackupException {
        keys.ensurePasskeySlot(key);
    }

    /** {@link KeptRecoveryCode#unsaved}. */
    public String unsavedRecoveryCode() {
        return kept.unsaved();
    }

    /** {@link KeptRecoveryCode#saved}. */
    public void recoveryCodeSaved(String code) throws StorageException {
        kept.saved(code);
    }

    /** For the model test: {@link KeptRecoveryCode#keptFinishedOrNot}. */
    String keptRecoveryCode() {
        return kept.keptFinishedOrNot();
    }

    /** {@link History#restoreVersion}. */
    public void restoreVersion(String envelopeJson) throws BackupException, StorageException, VaultException {
        history.restoreVersion(envelopeJson);
    }
}
