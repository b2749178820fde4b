package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.EnvelopeLimits;
import fob.backup.Header;
import fob.backup.PasskeyCannotOpenException;
import fob.backup.PreviousKey;
import fob.backup.RecoveryCode;
import fob.backup.RollbackException;
import fob.backup.Slot;
import fob.backup.UntrustedBackupException;
import fob.backup.VaultKeyCheck;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultMerge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Cloud backup's decisions, in plain Java (docs/architecture.md, "Backup sync"): when to upload, how to merge
 * with what another device wrote, what a 404, 412, 401, an unreadable or an older backup means, and which
 * recovery account and which backup (lineage) this browser belongs to. The page gives it adapters for the server,
 * the vault, storage and timers; the model test gives it a simulated world.
 *
 * <p>Every operation first reads the shared state from storage (this browser's tabs share it) and runs under one
 * lock. {@link #vaultChanged} takes no lock: it is called while the vault's own lock is held.
 */
public final class BackupSync {
    /**
     * A burst of changes (moves, an import) is one upload; short, because live sync shows a change on the
     * person's other devices within 2 s of it, and this wait is most of that.
     */
    public static final int DEBOUNCE_MILLIS = 500;
    /** The code of a failure whose request may have been taken by the server: its answer never came. */
    public static final String NO_ANSWER = "no_answer";
    static final int FIRST_RETRY_MILLIS = 2000;
    static final int MAX_RETRY_MILLIS = 5 * 60 * 1000;
    private static final int MAX_ATTEMPTS = 5;
    private static String signedOutProblem() {
        return Text.t("you are signed out of your recovery account");
    }

    private final BackupServer server;
    private final LocalVault local;
    private final SyncStore store;
    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final BackupCodec codec;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Object lock = new Object();
    private Runnable otherTabs = () -> { };

    private SyncState state = SyncState.OFF;
    private SyncStatus status = SyncStatus.NOT_BACKED_UP;
    private String problem = "";
    /** Who the server says is signed in; null when nobody is, or when not known. */
    private BackupServer.Account account;
    private boolean accountKnown;
    private int retryMillis = FIRST_RETRY_MILLIS;
    /**
     * The accounts the server's backup holds, as this tab last uploaded or read them: a stored change that leaves
     * them as they are (a vault re-encrypted under a rotated key) has nothing to upload.
     */
    private Vault onServer;

    public BackupSync(BackupServer server, LocalVault local, SyncStore store, Scheduler scheduler,
            LongSupplier clock, BackupCodec codec) {
        this.server = server;
        this.local = local;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.codec = codec;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * How this tab tells Fob's other tabs in the browser that what they hold in memory is out of date: Cloud backup
     * turned on or off, another recovery account or backup joined, a sign-in or a sign-out (the session cookie is
     * the browser's). Each of them then calls {@link #otherTabChanged}. Without it a tab open before backup was
     * turned on elsewhere said "Not backed up", never pulled, and held no live-sync stream when it came to lead.
     */
    public void tellOtherTabsWith(Runnable announce) {
        otherTabs = announce;
    }

    /** Another tab changed Cloud backup's settings or the sign-in: this tab reads them again, as at its start. */
    public void otherTabChanged() {
        start();
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    public SyncStatus status() {
        return status;
    }

    /** Why the backup is not up to date, or "". */
    public String problem() {
        return problem;
    }

    public SyncState state() {
        return state;
    }

    /** The signed-in recovery account, or null (signed out, or not known yet). */
    public BackupServer.Account account() {
        return account;
    }

    /** Whether the server said nobody is signed in (false also while it is not known). */
    public boolean isSignedOut() {
        return accountKnown && account == null;
    }

    // Background work: its failures only show in the status.

    /** Reads the saved state, asks the server who is signed in, and uploads what is pending or pulls. */
    public void start() {
        synchronized (lock) {
            try {
                state = store.load();
            } catch (LocalStorageException e) {
                outOfDate(e.getMessage());
                return;
            }
            status = state.deletedElsewhere ? SyncStatus.DELETED_ELSEWHERE : !state.enabled ? SyncStatus.NOT_BACKED_UP
                    : state.pending ? SyncStatus.OUT_OF_DATE : SyncStatus.UP_TO_DATE;
            problem = state.pending ? Text.t("changes wait to be uploaded") : "";
            try {
                account = server.session();
                accountKnown = true;
            } catch (ServerFailure e) {
                accountKnown = false;
            }
            checkAccount();
            changed();
            if (canSync() && state.pending) {
                scheduler.uploadIn(0);
            }
        }
        new OutsideRotation(this).resume();
        pull();
    }

    /** Called after every change this page stores (under the vault's lock: the work happens soon, outside it). */
    public void vaultChanged() {
        scheduler.soon(this::markPending);
    }

    private void markPending() {
        synchronized (lock) {
            try {
                state = store.load();
                if (!state.enabled) {
                    return;
                }
                if (!state.pending) {
                    if (onServer != null && BackupPayload.sameContent(local.vault(), onServer)) {
                        return;
                    }
                    save(state.withPending());
                }
            } catch (LocalStorageException e) {
                outOfDate(e.getMessage());
                return;
            }
            if (status == SyncStatus.UP_TO_DATE) {
                // Truthful at once: the change is not uploaded yet.
                status = SyncStatus.BACKING_UP;
            }
            changed();
            scheduler.uploadIn(DEBOUNCE_MILLIS);
        }
    }

    /** Tries again at once: the browser is back online, or the person signed in again. */
    public void retryNow() {
        retryMillis = FIRST_RETRY_MILLIS;
        scheduler.uploadIn(0);
    }

    /** Uploads the vault, merging first when another device wrote in between. */
    public void upload() {
        synchronized (lock) {
            try {
                state = store.load();
                if (!state.enabled || !state.pending) {
                    return;
                }
                if (!canSync()) {
                    checkAccount();
                    return;
                }
                resumePendingRotation();
                status = SyncStatus.BACKING_UP;
                changed();
                for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                    Vault snapshot = local.vault();
                    long revision = state.lastRevision + 1;
                    Envelope envelope = codec.seal(local.vaultKey(), state.header,
                            new BackupPayload(revision, clock.getAsLong(), snapshot).toBytes());
                    String json = envelope.toJson();
                    try {
                        String etag = server.put(json, state.etag);
                        save(state.uploaded(etag, revision, clock.getAsLong(), local.vault() != snapshot));
                        onServer = snapshot;
                        retryMillis = FIRST_RETRY_MILLIS;
                        status = SyncStatus.UP_TO_DATE;
                        problem = "";
                        if (state.pending) {
                            scheduler.uploadIn(DEBOUNCE_MILLIS);
                        }
                        return;
                    } catch (Conflict e) {
                        if (!mergeWith(server.get(null))) {
                            return;
                        }
                    } catch (ServerFailure e) {
                        if (e.kind() != ServerFailure.Kind.TOO_LARGE) {
                            throw e;
                        }
                        outOfDate(BackupSize.tooLarge(json.length(), e.limit()));
                        return;
                    }
                }
                retryLater(Text.t("other devices keep writing; trying again"));
            } catch (ServerFailure e) {
                failed(e);
            } catch (LocalStorageException | VaultException | BackupException e) {
                outOfDate(e.getMessage());
            } finally {
                changed();
            }
        }
    }

    /**
     * Checks for another device's newer backup (a cheap conditional GET) and merges it in. Runs when the page
     * starts, when it comes back into view, and every minute while it is in view. Offline, it learns nothing.
     */
    public void pull() {
        synchronized (lock) {
            try {
                state = store.load();
                if (!canSync() || state.etag == null) {
                    return;
                }
                if (resumePendingRotation()) {
                    return;
                }
                BackupServer.Stored stored = server.get(state.etag);
                if (stored != null && stored.body == null) {
                    return;
                }
                if (mergeWith(stored)) {
                    if (state.pending) {
                        scheduler.uploadIn(0);
                    } else if (status == SyncStatus.OUT_OF_DATE) {
                        status = SyncStatus.UP_TO_DATE;
                        problem = "";
                    }
                }
            } catch (ServerFailure e) {
                if (e.kind() != ServerFailure.Kind.OFFLINE) {
                    failed(e);
                }
            } catch (LocalStorageException | VaultException | BackupException e) {
                outOfDate(e.getMessage());
            } finally {
                changed();
            }
        }
    }

    /**
     * What the server holds, met on a 412 or a pull: merges it in and returns true, or stops and returns false when
     * it is gone, is another backup (lineage), cannot be opened, or is older than one already seen. This browser
     * never writes over a backup it could not open: it only writes with the ETag of one it opened.
     */
    private boolean mergeWith(BackupServer.Stored stored) throws LocalStorageException, VaultException,
            BackupException {
        if (stored == null) {
            if (state.etag == null) {
                return true;
            }
            save(state.deletedOnAnotherDevice());
            status = SyncStatus.DELETED_ELSEWHERE;
            problem = Text.t("turn Cloud backup on again to back up this browser's accounts");
            return false;
        }
        Envelope envelope = Envelope.parse(stored.body);
        if (!Objects.equals(envelope.lineage(), state.lineage)) {
            save(state.deletedOnAnotherDevice());
            status = SyncStatus.DELETED_ELSEWHERE;
            problem = Text.t("another device deleted it and made a new backup; turn Cloud backup on again to merge"
                    + " with it");
            return false;
        }
        BackupPayload remote;
        try {
            remote = BackupPayload.read(codec.open(envelope, local.vaultKey()));
        } catch (BackupException e) {
            // Another device rotated the keys (or the server sent what this key never sealed). Nothing is written
            // over it; a passkey sign-in opens it through this passkey's slot, if it is this backup at all.
            status = SyncStatus.KEYS_CHANGED;
            problem = Text.t("the backup's keys were changed on another device. Sign in with your passkey to go on"
                    + " backing up; nothing was uploaded over it");
            return false;
        }
        if (remote.revision() < state.lastRevision) {
            outOfDate(new RollbackException(remote.revision(), state.lastRevision).getMessage());
            return false;
        }
        long now = clock.getAsLong();
        Vault merged = VaultMerge.sync(local.vault(), remote.vault(), now);
        if (!merged.equals(local.vault())) {
            merged = local.change(current -> VaultMerge.sync(current, remote.vault(), now));
        }
        Header slotsAdded = state.header == null ? null
                : BackupKeys.withLocalPasskeySlots(envelope.parsedHeader(), Header.parse(state.header));
        SyncState next = state.withServerCopy(slotsAdded != null ? slotsAdded.write() : envelope.header(),
                stored.etag, remote.revision());
        // What this device knows that the backup lacks (an edit it keeps, say, because the other's was older, or a
        // passkey slot added here) goes up, or the devices would each keep their own view.
        save(BackupPayload.sameContent(merged, remote.vault()) && slotsAdded == null ? next : next.withPending());
        onServer = remote.vault();
        return true;
    }

    private boolean canSync() {
        return state.enabled && account != null && state.belongsTo(account.id, account.name);
    }

    /** Says why nothing can be uploaded to the signed-in account, and adopts the id of a state from before ids. */
    private void checkAccount() {
        if (!state.enabled) {
            return;
        }
        if (isSignedOut()) {
            outOfDate(signedOutProblem());
        } else if (account != null && !state.belongsTo(account.id, account.name)) {
            status = SyncStatus.OTHER_ACCOUNT;
            problem = Text.t("you signed in to the recovery account \u201c{0}\u201d, but this browser backs up to"
                    + " \u201c{1}\u201d. Nothing is uploaded until you choose in Settings", account.name,
                    state.accountName);
        } else if (account != null && state.accountId == null) {
            try {
                save(state.withAccount(account.id, account.name));
            } catch (LocalStorageException e) {
                outOfDate(e.getMessage());
            }
        }
    }

    private void failed(ServerFailure e) {
        switch (e.kind()) {
            case OFFLINE:
            case FAILED:
                retryLater(e.getMessage());
                break;
            case SIGNED_OUT:
                account = null;
                accountKnown = true;
                outOfDate(signedOutProblem());
                break;
            case TOO_LARGE:
                outOfDate(BackupSize.tooLarge(-1, e.limit()));
                break;
            case REFUSED:
                // A change to the backup's keys (a passkey's slot) needs a recent passkey sign-in; the next sign-in
                // tries again.
                outOfDate("reauthentication_required".equals(e.code())
                        ? Text.t("sign in with your passkey to save the change to the backup's keys") : e.getMessage());
                break;
            default:
                outOfDate(e.getMessage());
        }
    }

    private void outOfDate(String why) {
        status = SyncStatus.OUT_OF_DATE;
        problem = why;
    }

    private void retryLater(String why) {
        outOfDate(why);
        scheduler.uploadIn(retryMillis);
        retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
    }

    /** In step with the server's backup again: up to date, or backing up at once what is still pending. */
    private void inStep() {
        retryMillis = FIRST_RETRY_MILLIS;
        status = state.pending ? SyncStatus.BACKING_UP : SyncStatus.UP_TO_DATE;
        problem = "";
        changed();
        if (state.pending) {
            scheduler.uploadIn(0);
        }
    }

    private void save(SyncState next) throws LocalStorageException {
        store.save(next);
        boolean joinedOtherwise = next.enabled != state.enabled || next.deletedElsewhere != state.deletedElsewhere
                || !Objects.equals(next.accountId, state.accountId) || !Objects.equals(next.lineage, state.lineage);
        state = next;
        if (joinedOtherwise) {
            otherTabs.run();
        }
    }

    // What the person does; failures are thrown, to be shown where they acted.

    /** After a passkey sign-in or a new recovery account: who is signed in now. */
    public void signedIn(BackupServer.Account who) {
        synchronized (lock) {
            account = who;
            accountKnown = true;
            try {
                state = store.load();
            } catch (LocalStorageException e) {
                outOfDate(e.getMessage());
            }
            if (state.enabled && state.belongsTo(who.id, who.name)) {
                status = state.pending ? SyncStatus.OUT_OF_DATE : SyncStatus.UP_TO_DATE;
                problem = state.pending ? Text.t("changes wait to be uploaded") : "";
            }
            checkAccount();
            changed();
        }
        otherTabs.run();
        retryNow();
    }

    public void signedOut() {
        synchronized (lock) {
            account = null;
            accountKnown = true;
            checkAccount();
            changed();
        }
        otherTabs.run();
    }

    /** What turning backup on led to. */
    public static final class Enabled {
        /** The new recovery code, to show once; null when a backup already existed (then restore or merge it). */
        public final String recoveryCode;
        /** The backup already on the server, to restore or merge before backing up. */
        public final Restore existing;
        /** Whether the passkey could not open backups by itself (no PRF): restoring will need the code. */
        public final boolean passkeyWithoutPrf;

        Enabled(String recoveryCode, Restore existing, boolean passkeyWithoutPrf) {
            this.recoveryCode = recoveryCode;
            this.existing = existing;
            this.passkeyWithoutPrf = passkeyWithoutPrf;
        }
    }

    /**
     * Turns backup on for the signed-in account, with {@code key} from a passkey ceremony just now. Where the
     * account has a backup, nothing is uploaded: it is returned, to restore or merge. Otherwise a new backup (a new
     * lineage) is written before the recovery code is returned, so that a code is only ever shown for a backup the
     * server holds; if another tab or device made one in the meantime, that one is returned instead.
     */
    public Enabled enable(PasskeyKey key) throws ServerFailure, LocalStorageException, BackupException,
            VaultException {
        synchronized (lock) {
            if (account == null) {
                throw ServerFailure.signedOut();
            }
            state = store.load();
            refuseWhileARotationOfAnotherAccountIsUnfinished();
            BackupServer.Stored stored = server.getToRestore();
            if (stored != null) {
                Enabled own = ownBackupMadeEarlier(stored, key);
                return own != null ? own : new Enabled(null, restoreOf(stored, key), key.prf == null);
            }
            byte[] vaultKey = local.vaultKey();
            byte[] code = codec.newRecoveryCode();
            List<Slot> slots = new ArrayList<>();
            if (key.prf != null) {
                slots.add(codec.sealedPasskeySlot(vaultKey, key.credentialId, key.prf));
            }
            slots.add(codec.recoveryCodeSlot(vaultKey, code));
            String lineage = codec.newLineage();
            String header = new Header(lineage, slots).write();
            Vault snapshot = local.vault();
            long now = clock.getAsLong();
            Envelope envelope = codec.seal(vaultKey, header, new BackupPayload(1, now, snapshot).toBytes());
            PendingCode previous = state.pendingCode;
            // Kept before the request: should its answer be lost, the backup may exist with this code alone.
            PendingCode pendingCode = PendingCode.forNewBackup(codec, header, vaultKey, code);
            save(state.withPendingCode(pendingCode));
            String etag;
            try {
                etag = server.put(envelope.toJson(), null);
            } catch (Conflict e) {
                save(state.withPendingCode(previous));
                BackupServer.Stored made = server.get(null);
                if (made == null) {
                    throw new BackupException(Text.t("The backup changed on the server while it was being made; try"
                            + " again"));
                }
                return new Enabled(null, restoreOf(made, key), key.prf == null);
            } catch (ServerFailure e) {
                throw unanswered(e, previous, Text.t("The server did not answer while the backup was being made. Turn"
                        + " Cloud backup on again when it can be reached: if the backup was made, Fob shows its"
                        + " recovery code then."));
            }
            save(state.joined(account.id, account.name, lineage, header, etag, 1, now, local.vault() != snapshot));
            inStep();
            return new Enabled(RecoveryCode.format(code), null, key.prf == null);
        }
    }

    /**
     * The backup this browser made itself when an earlier "turn on" lost the server's answer: its header is the one
     * kept with the code, and this browser's key opens it. Joined, with that code to show; null for any other.
     */
    private Enabled ownBackupMadeEarlier(BackupServer.Stored stored, PasskeyKey key) throws BackupException,
            LocalStorageException, VaultException {
        PendingCode pendingCode = state.pendingCode;
        if (pendingCode == null || pendingCode.awaitsAdoption()) {
            return null;
        }
        Envelope envelope = Envelope.parse(stored.body);
        if (!envelope.header().equals(pendingCode.header)) {
            return null;
        }
        byte[] vaultKey = local.vaultKey();
        BackupPayload remote = BackupPayload.read(codec.open(envelope, vaultKey));
        long seen = state.revisionSeen(account.id, envelope.lineage());
        if (remote.revision() < seen) {
            throw new RollbackException(remote.revision(), seen);
        }
        String code = pendingCode.code(codec, vaultKey);
        long now = clock.getAsLong();
        Vault merged = local.change(current -> VaultMerge.sync(current, remote.vault(), now));
        onServer = remote.vault();
        save(state.joined(account.id, account.name, envelope.lineage(), envelope.header(), stored.etag,
                remote.revision(), now, !BackupPayload.sameContent(merged, remote.vault())));
        inStep();
        return new Enabled(code, null, key.prf == null);
    }

    /**
     * A write whose answer never came (offline, a server error) may have been committed: the code kept for it stays,
     * and the person is told so. Any other refusal committed nothing: the code kept before it is back.
     */
    private ServerFailure unanswered(ServerFailure e, PendingCode previous, String message)
            throws LocalStorageException {
        if (e.kind() == ServerFailure.Kind.OFFLINE || e.kind() == ServerFailure.Kind.FAILED) {
            return new ServerFailure(e.kind(), NO_ANSWER, message);
        }
        save(state.withPendingCode(previous));
        return e;
    }

    /**
     * Replaces the backup's vault key (docs/architecture.md, "Key rotation"): merges what the server holds first,
     * seals everything under a new key, reseals it to every remaining sealed passkey slot, makes a new recovery code,
     * and has the server replace the backup and delete every earlier version in one step; then re-encrypts this
     * browser's vault under the new key. {@code key}, from a passkey sign-in just now, gets a new sealed slot when it
     * has PRF. {@code leftOut} names a passkey whose slot goes (one being removed), or null.
     */
    public Rotation rotate(PasskeyKey key, byte[] leftOut) throws ServerFailure, LocalStorageException,
            BackupException, VaultException {
        synchronized (lock) {
            state = store.load();
            if (!state.enabled || state.header == null) {
                throw new BackupException(Text.t("Cloud backup is off, so there are no keys to rotate"));
            }
            if (!canSync()) {
                throw new BackupException(Text.t("Sign in to the recovery account this browser backs up to first"));
            }
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                BackupServer.Stored stored = server.get(null);
                if (!mergeWith(stored)) {
                    changed();
                    throw new BackupException(Text.t("The backup cannot be rotated now: {0}", problem));
                }
                byte[] newKey = codec.newVaultKey();
                byte[] code = codec.newRecoveryCode();
                Header oldHeader = Header.parse(state.header);
                RotatedSlots slots = RotatedSlots.of(codec, oldHeader, newKey, key, leftOut);
                slots.add(codec.recoveryCodeSlot(newKey, code));
                List<PreviousKey> chain = new ArrayList<>();
                chain.add(codec.previousKey(newKey, local.vaultKey()));
                chain.addAll(oldHeader.previousKeys());
                String header = new Header(state.lineage, slots.slots(), chain).write();
                Vault snapshot = local.vault();
                long revision = state.lastRevision + 1;
                long now = clock.getAsLong();
                Envelope envelope = codec.seal(newKey, header, new BackupPayload(revision, now, snapshot).toBytes());
                PendingCode previous = state.pendingCode;
                // Kept before the request: once the server commits, the old code opens nothing it keeps, so the new
                // code and key must outlive a lost answer, a failed write to storage and a reload.
                PendingCode pendingCode = PendingCode.forRotation(codec, header, revision, local.vaultKey(), newKey,
                        code);
                save(state.withPendingCode(pendingCode));
                String etag;
                try {
                    etag = server.rotate(envelope.toJson(), state.etag);
                } catch (Conflict e) {
                    save(state.withPendingCode(previous));
                    continue;
                } catch (ServerFailure e) {
                    throw unanswered(e, previous, Text.t("The server did not answer the key rotation. If it took the"
                            + " new keys, Fob finishes the rotation here as soon as the server can be reached, and"
                            + " shows your new recovery code then."));
                }
                // The server holds only the new key's backup now; this browser's vault follows it. Should this
                // write fail, the kept code and key finish it later (resumePendingRotation).
                onServer = snapshot;
                Vault stillMine = local.adopt(newKey, current -> current);
                save(state.withServerCopy(header, etag, revision).uploaded(etag, revision, now,
                        !BackupPayload.sameContent(stillMine, snapshot)).withPendingCode(pendingCode.adopted()));
                inStep();
                return new Rotation(RecoveryCode.format(code), slots.passkeysLeftWithoutSlot());
            }
            throw new BackupException(Text.t("Other devices keep writing to the backup; try rotating the keys again"));
        }
    }

    /**
     * A rotation this browser asked for but has not finished (its answer was lost, or storing the new key failed):
     * when the server holds the rotation's backup, its key is adopted and its code can be shown; when the key this
     * browser holds still opens the backup, the rotation never happened and its code is dropped. Returns whether it
     * adopted the new key.
     */
    private boolean resumePendingRotation() throws ServerFailure, LocalStorageException, BackupException,
            VaultException {
        PendingCode pendingCode = state.pendingCode;
        if (pendingCode == null || !pendingCode.awaitsAdoption() || pendingCode.outside) {
            return false;
        }
        byte[] held = local.vaultKey();
        byte[] newKey;
        try {
            newKey = pendingCode.newKey(codec, held);
        } catch (BackupException keyChangedSince) {
            // This browser holds another key since (adopted from a later rotation): this code opens nothing kept.
            save(state.withPendingCode(null));
            return false;
        }
        BackupServer.Stored stored = server.get(null);
        if (stored == null || stored.body == null) {
            return false;
        }
        Envelope envelope = Envelope.parse(stored.body);
        if (envelope.header().equals(pendingCode.header)) {
            BackupPayload remote = BackupPayload.read(codec.open(envelope, newKey));
            long now = clock.getAsLong();
            onServer = remote.vault();
            Vault merged = local.adopt(newKey, current -> VaultMerge.sync(current, remote.vault(), now));
            SyncState next = state.withServerCopy(envelope.header(), stored.etag, remote.revision())
                    .withPendingCode(pendingCode.adopted());
            save(BackupPayload.sameContent(merged, remote.vault()) ? next : next.withPending());
            inStep();
            return true;
        }
        try {
            // Written under the old key at the rotation's revision or later: only possible if the rotation never
            // committed (after it, no device can open, so none writes over, the new key's backup). An older version
            // proves nothing: the server may be serving it in place of the rotation.
            if (BackupPayload.read(codec.open(envelope, held)).revision() >= pendingCode.revision) {
                save(state.withPendingCode(null));
            }
        } catch (BackupException notThisKey) {
            // Rotated again since by another device (which showed its own code), or not a backup of this person's:
            // kept, until this browser adopts another key.
        }
        return false;
    }

    /**
     * The recovery code the person has not confirmed saving ("I have saved it"), to show again; null when there is
     * none, or while the rotation that made it is not finished here.
     */
    public String unsavedRecoveryCode() {
        // Without the lock: it only reads, and the page asks at every change of status; a thread waiting for the lock
        // at each change made TeaVM's monitors lose a waiter's wake-up (an upload then never ran).
        try {
            return unsavedRecoveryCodeIn(store.load());
        } catch (LocalStorageException e) {
            return null;
        }
    }

    /** The unconfirmed code in {@code stored}, as {@link #unsavedRecoveryCode} says. */
    private String unsavedRecoveryCodeIn(SyncState stored) {
        try {
            PendingCode pendingCode = stored.pendingCode;
            if (pendingCode != null && pendingCode.outside) {
                return pendingCode.committed ? pendingCode.codeWithHeldKey(codec, local.vaultKey()) : null;
            }
            // Only a code of the backup this browser belongs to: one kept for a backup whose making lost its answer
            // is shown when backup is turned on again and finds it (ownBackupMadeEarlier).
            return pendingCode == null || pendingCode.awaitsAdoption() || !stored.enabled
                    || !Objects.equals(Header.parse(pendingCode.header).lineage(), stored.lineage) ? null
                    : pendingCode.code(codec, local.vaultKey());
        } catch (LocalStorageException | BackupException e) {
            return null;
        }
    }

    /** The person confirmed saving {@code code}: it is no longer kept (a newer code, if one was made, stays). */
    public void recoveryCodeSaved(String code) throws LocalStorageException {
        synchronized (lock) {
            state = store.load();
            if (code != null && code.equals(unsavedRecoveryCodeIn(state))) {
                save(state.withPendingCode(null));
            }
        }
    }

    /** For the model test: the code kept here, finished or not (what the person will be shown). */
    String keptRecoveryCode() {
        try {
            PendingCode pendingCode = store.load().pendingCode;
            return pendingCode == null ? null : pendingCode.codeWithHeldKey(codec, local.vaultKey());
        } catch (LocalStorageException | BackupException e) {
            return null;
        }
    }

    /** What a key rotation gave: the new recovery code, to show once. */
    public static final class Rotation {
        public final String recoveryCode;
        /**
         * Passkeys whose slot was made before sealed slots and could not be resealed without them: they still sign
         * in, but restore with the recovery code until they next sign in on a device with backup on.
         */
        public final int passkeysWithoutSlot;

        Rotation(String recoveryCode, int passkeysWithoutSlot) {
            this.recoveryCode = recoveryCode;
            this.passkeysWithoutSlot = passkeysWithoutSlot;
        }
    }

    /**
     * After a passkey sign-in: when another device rotated the backup's keys, opens the backup through this passkey's
     * slot, adopts the new key, and merges in what this browser changed meanwhile. Returns false when there was
     * nothing to adopt (the key still opens the backup, or backup is off); throws when this passkey cannot open it.
     */
    public boolean adoptRotatedKey(PasskeyKey key) throws ServerFailure, LocalStorageException, BackupException,
            VaultException {
        synchronized (lock) {
            state = store.load();
            if (!canSync()) {
                return false;
            }
            if (resumePendingRotation()) {
                return true;
            }
            BackupServer.Stored stored = server.get(null);
            if (stored == null) {
                return false;
            }
            Envelope envelope = Envelope.parse(stored.body);
            if (!Objects.equals(envelope.lineage(), state.lineage)) {
                return false;
            }
            try {
                codec.open(envelope, local.vaultKey());
                return false;
            } catch (BackupException stillRotated) {
                // Expected: the key changed. Through the passkey below.
            }
            if (key == null || key.prf == null) {
                throw new BackupException(Text.t("This passkey cannot open backups by itself. To go on backing up,"
                        + " turn Cloud backup off here (\u201cStop on this device\u201d) and on again, and open the"
                        + " backup with your recovery code"));
            }
            byte[] newKey;
            try {
                // Anyone can seal a key to a passkey slot's public key; only a holder of this browser's key can chain
                // the new key to it.
                newKey = VaultKeyCheck.descendingFromHeldKey(codec, envelope, key.credentialId, key.prf,
                        local.vaultKey());
            } catch (UntrustedBackupException e) {
                status = SyncStatus.OUT_OF_DATE;
                problem = Text.t("the backup on the server was not made by your devices, so nothing was uploaded over"
                        + " it");
                changed();
                throw e;
            } catch (PasskeyCannotOpenException e) {
                status = SyncStatus.OUT_OF_DATE;
                problem = Text.t("the backup's new key could not be adopted with this passkey");
                changed();
                throw new BackupException(Text.t("Fob did not adopt the backup's new key: {0}. To go on backing up,"
                        + " turn Cloud backup off here (\u201cStop on this device\u201d) and on again, and open the"
                        + " backup with your recovery code.", e.getMessage()));
            }
            BackupPayload remote = BackupPayload.read(codec.open(envelope, newKey));
            if (remote.revision() < state.lastRevision) {
                throw new RollbackException(remote.revision(), state.lastRevision);
            }
            long now = clock.getAsLong();
            onServer = remote.vault();
            Vault merged = local.adopt(newKey, current -> VaultMerge.sync(current, remote.vault(), now));
            SyncState next = state.withServerCopy(envelope.header(), stored.etag, remote.revision());
            save(BackupPayload.sameContent(merged, remote.vault()) ? next : next.withPending());
            inStep();
            return true;
        }
    }

    /** "Stop on this device": the backup stays on the server for the other devices. */
    public void stopOnThisDevice() throws LocalStorageException {
        synchronized (lock) {
            // From storage: another tab may have seen later revisions than this one holds in memory.
            state = store.load();
            onServer = null;
            save(state.stopped());
            status = SyncStatus.NOT_BACKED_UP;
            problem = "";
            changed();
        }
    }

    /** "Delete backup for all devices": every version goes, on the server; the accounts here stay. */
    public void deleteForAllDevices() throws ServerFailure, LocalStorageException {
        synchronized (lock) {
            server.delete();
            state = store.load();
            onServer = null;
            save(state.stopped());
            status = SyncStatus.NOT_BACKED_UP;
            problem = "";
            changed();
        }
    }

    /**
     * With backup on for another recovery account than the one signed in: stop backing up to that one here, and
     * turn backup on for this one (restoring or merging its backup, when it has one).
     */
    public Enabled switchToSignedInAccount(PasskeyKey key) throws ServerFailure, LocalStorageException,
            BackupException, VaultException {
        synchronized (lock) {
            state = store.load();
            refuseWhileARotationOfAnotherAccountIsUnfinished();
        }
        stopOnThisDevice();
        return enable(key);
    }

    /**
     * Joining another account's backup would replace this browser's key, under which an unfinished rotation of its
     * own backup keeps the new key and code ({@link PendingCode}): refused until that rotation is finished.
     */
    private void refuseWhileARotationOfAnotherAccountIsUnfinished() throws UnfinishedRotationException {
        PendingCode pendingCode = state.pendingCode;
        if (pendingCode != null && pendingCode.awaitsAdoption() && !pendingCode.outside && account != null
                && state.accountId != null && !state.accountId.equals(account.id)) {
            throw new UnfinishedRotationException();
        }
    }

    /** A change to the header's slots, given the vault key; null to leave the header as it is. */
    interface HeaderEdit {
        Header apply(Header header, byte[] vaultKey) throws BackupException;
    }

    /** Rewrites the header of the backup this browser belongs to (uploaded soon after); false when backup is off. */
    boolean editHeader(HeaderEdit edit) throws LocalStorageException, BackupException {
        synchronized (lock) {
            state = store.load();
            if (!state.enabled || state.header == null) {
                return false;
            }
            Header next = edit.apply(Header.parse(state.header), local.vaultKey());
            if (next != null) {
                save(state.withHeader(next.write()));
                scheduler.uploadIn(0);
            }
            return true;
        }
    }

    /** "Begin recovery": the signed-in account's backup, to open; null when it has none. */
    public Restore beginRestore(PasskeyKey key) throws ServerFailure, BackupException {
        synchronized (lock) {
            try {
                state = store.load();
            } catch (LocalStorageException e) {
                throw new BackupException(e.getMessage());
            }
            refuseWhileARotationOfAnotherAccountIsUnfinished();
            BackupServer.Stored stored = server.getToRestore();
            return stored == null ? null : restoreOf(stored, key);
        }
    }

    private Restore restoreOf(BackupServer.Stored stored, PasskeyKey key) throws BackupException {
        Restore restore = new Restore(this, account, stored, Envelope.parse(stored.body));
        if (key != null && key.prf != null) {
            byte[] vaultKey;
            try {
                vaultKey = VaultKeyCheck.throughPasskey(codec, restore.envelope, key.credentialId, key.prf,
                        heldKey());
            } catch (PasskeyCannotOpenException needsCode) {
                // This passkey has no slot, no PRF or no anchor: the recovery code is the way in. A forged key is not
                // this case: it is refused, above, as what it is.
                return restore;
            }
            // A rollback is not a missing slot: it is reported as what it is.
            restore.open(vaultKey);
        }
        return restore;
    }

    /** This browser's own vault key, which it trusts; null when storage cannot give it (nothing is then trusted). */
    private byte[] heldKey() {
        try {
            return local.vaultKey();
        } catch (LocalStorageException e) {
            return null;
        }
    }

    BackupCodec codec() {
        return codec;
    }

    /** The highest revision this browser has seen in {@code lineage} of {@code accountId}, now or before a switch. */
    long revisionSeen(String accountId, String lineage) {
        synchronized (lock) {
            try {
                state = store.load();
            } catch (LocalStorageException e) {
                // Nothing can be joined then either: joining writes this state.
                return 0;
            }
            return state.revisionSeen(accountId, lineage);
        }
    }

    /**
     * The code kept here as it stands once this browser holds {@code newKey} (a restore or merge is about to adopt
     * it): a rotation of this browser's own that the adoption finishes keeps its code; a code {@code newKey} opens
     * stays; any other opens nothing then, and goes.
     */
    PendingCode keptCodeAfterAdopting(byte[] newKey) {
        synchronized (lock) {
            try {
                state = store.load();
                PendingCode pendingCode = state.pendingCode;
                if (pendingCode == null) {
                    return null;
                }
                if (pendingCode.awaitsAdoption()) {
                    return Arrays.equals(pendingCode.newKey(codec, local.vaultKey()), newKey) ? pendingCode.adopted()
                            : null;
                }
                pendingCode.code(codec, newKey);
                return pendingCode;
            } catch (LocalStorageException | BackupException e) {
                return null;
            }
        }
    }

    BackupServer server() {
        return server;
    }

    /** Saves {@code next} as this browser's sync state, and tells listeners. */
    void saveState(SyncState next) throws LocalStorageException {
        synchronized (lock) {
            save(next);
            changed();
        }
    }

    /** This browser's sync state as storage has it now (for a restore to join from). */
    SyncState storedState() throws LocalStorageException {
        synchronized (lock) {
            state = store.load();
            return state;
        }
    }

    /** After a restore or merge: this browser backs up to that backup now. */
    void joined(SyncState next, boolean merged) throws LocalStorageException {
        synchronized (lock) {
            onServer = null;
            save(next);
            retryMillis = FIRST_RETRY_MILLIS;
            status = merged ? SyncStatus.OUT_OF_DATE : SyncStatus.UP_TO_DATE;
            problem = merged ? Text.t("uploading the merged accounts") : "";
            changed();
            if (merged) {
                scheduler.uploadIn(0);
            }
        }
    }

    LocalVault local() {
        return local;
    }

    long now() {
        return clock.getAsLong();
    }

    /** Makes an earlier version the newest: its accounts replace these (placeholders keep this browser's secrets). */
    public void restoreVersion(String envelopeJson) throws BackupException, LocalStorageException, VaultException {
        Envelope envelope = Envelope.parse(envelopeJson);
        BackupPayload old = BackupPayload.read(codec.open(envelope, local.vaultKey()));
        long now = clock.getAsLong();
        local.change(current -> HistoryRestore.apply(current, old.vault(), now));
    }
}
