package fob.sync;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.local.StorageException;
import fob.text.Text;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.vault.VaultMerge;

/**
 * The background work of Cloud backup (docs/architecture.md, "Backup sync"): at the start, who is signed in and
 * what is pending; after each change, an upload soon; on a 412 or a pull, a merge with what another device wrote;
 * and what a 404, 401, 413, an unreadable or an older backup means for the status line. Its failures only show in
 * the status; nothing here is thrown at the person.
 */
final class SyncLoop {
    /**
     * A burst of changes (moves, an import) is one upload; short, because live sync shows a change on the
     * person's other devices within 2 s of it, and this wait is most of that.
     */
    static final int DEBOUNCE_MILLIS = 500;
    private static final int MAX_ATTEMPTS = 5;

    private final SyncTab tab;
    private final KeptRecoveryCode kept;
    private final OutsideRotation outside;

    SyncLoop(SyncTab tab, KeptRecoveryCode kept, OutsideRotation outside) {
        this.tab = tab;
        this.kept = kept;
        this.outside = outside;
    }

    /** Reads the saved state, asks the server who is signed in, and uploads what is pending or pulls. */
    void start() {
        synchronized (tab.lock) {
            SyncState state;
            try {
                state = tab.load();
            } catch (StorageException e) {
                tab.outOfDate(e.getMessage());
                return;
            }
            tab.status = state.deletedElsewhere ? SyncStatus.DELETED_ELSEWHERE
                    : !state.enabled ? SyncStatus.NOT_BACKED_UP
                    : state.pending ? SyncStatus.OUT_OF_DATE : SyncStatus.UP_TO_DATE;
            tab.problem = state.pending ? Text.t("changes wait to be uploaded") : "";
            try {
                tab.account = tab.server.session();
                tab.accountKnown = true;
            } catch (ServerFailure e) {
                tab.accountKnown = false;
            }
            tab.checkAccount();
            tab.changed();
            if (tab.canSync() && tab.state.pending) {
                tab.scheduler.uploadIn(0);
            }
        }
        outside.resume();
        pull();
    }

    /** Called after every change this page stores (under the vault's lock: the work happens soon, outside it). */
    void vaultChanged() {
        tab.scheduler.soon(this::markPending);
    }

    private void markPending() {
        synchronized (tab.lock) {
            try {
                SyncState state = tab.load();
                if (!state.enabled) {
                    return;
                }
                if (!state.pending) {
                    if (tab.onServer != null && BackupPayload.sameContent(tab.local.vault(), tab.onServer)) {
                        return;
                    }
                    tab.save(state.withPending());
                }
            } catch (StorageException e) {
                tab.outOfDate(e.getMessage());
                return;
            }
            if (tab.status == SyncStatus.UP_TO_DATE) {
                // Truthful at once: the change is not uploaded yet.
                tab.status = SyncStatus.BACKING_UP;
            }
            tab.changed();
            tab.scheduler.uploadIn(DEBOUNCE_MILLIS);
        }
    }

    /** Uploads the vault, merging first when another device wrote in between. */
    void upload() {
        synchronized (tab.lock) {
            try {
                SyncState state = tab.load();
                if (!state.enabled || !state.pending) {
                    return;
                }
                if (!tab.canSync()) {
                    tab.checkAccount();
                    return;
                }
                kept.resumeRotation();
                tab.status = SyncStatus.BACKING_UP;
                tab.changed();
                for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                    if (uploadOnce()) {
                        return;
                    }
                }
                tab.retryLater(Text.t("other devices keep writing; trying again"));
            } catch (ServerFailure e) {
                failed(e);
            } catch (StorageException | VaultException | BackupException e) {
                tab.outOfDate(e.getMessage());
            } finally {
                tab.changed();
            }
        }
    }

    /** One write of the vault; true when it is done (written, or stopped for a reason the status gives). */
    private boolean uploadOnce() throws ServerFailure, StorageException, VaultException, BackupException {
        SyncState state = tab.state;
        Vault snapshot = tab.local.vault();
        long revision = state.lastRevision + 1;
        Envelope envelope = tab.codec.seal(tab.local.vaultKey(), state.header,
                new BackupPayload(revision, tab.now(), snapshot).toBytes());
        String json = envelope.toJson();
        try {
            String etag = tab.server.put(json, state.etag);
            tab.save(state.uploaded(etag, revision, tab.now(), tab.local.vault() != snapshot));
            tab.onServer = snapshot;
            tab.retryMillis = SyncTab.FIRST_RETRY_MILLIS;
            tab.status = SyncStatus.UP_TO_DATE;
            tab.problem = "";
            if (tab.state.pending) {
                tab.scheduler.uploadIn(DEBOUNCE_MILLIS);
            }
            return true;
        } catch (Conflict e) {
            return !mergeWith(tab.server.get(null));
        } catch (ServerFailure e) {
            if (e.kind() != ServerFailure.Kind.TOO_LARGE) {
                throw e;
            }
            tab.outOfDate(BackupSize.tooLarge(json.length(), e.limit()));
            return true;
        }
    }

    /**
     * Checks for another device's newer backup (a cheap conditional GET) and merges it in. Runs when the page
     * starts, when it comes back into view, and every minute while it is in view. Offline, it learns nothing.
     */
    void pull() {
        synchronized (tab.lock) {
            try {
                SyncState state = tab.load();
                if (!tab.canSync() || state.etag == null) {
                    return;
                }
                if (kept.resumeRotation()) {
                    return;
                }
                BackupServer.Stored stored = tab.server.get(state.etag);
                if (stored != null && stored.body == null) {
                    return;
                }
                if (mergeWith(stored)) {
                    if (tab.state.pending) {
                        tab.scheduler.uploadIn(0);
                    } else if (tab.status == SyncStatus.OUT_OF_DATE) {
                        tab.status = SyncStatus.UP_TO_DATE;
                        tab.problem = "";
                    }
                }
            } catch (ServerFailure e) {
                if (e.kind() != ServerFailure.Kind.OFFLINE) {
                    failed(e);
                }
            } catch (StorageException | VaultException | BackupException e) {
                tab.outOfDate(e.getMessage());
            } finally {
                tab.changed();
            }
        }
    }

    /**
     * Acts on what {@link ServerCopy} judged of the server's backup (the caller holds the lock): merges it in and
     * returns true, or stops and returns false, saying why in the status.
     */
    boolean mergeWith(BackupServer.Stored stored) throws StorageException, VaultException, BackupException {
        ServerCopy copy = ServerCopy.judge(stored, tab.state, tab.codec, tab.local::vaultKey);
        if (copy.verdict == ServerCopy.Verdict.NOTHING_YET) {
            return true;
        }
        if (copy.verdict != ServerCopy.Verdict.MERGE) {
            if (copy.stopsBackup()) {
                tab.save(tab.state.deletedOnAnotherDevice());
            }
            tab.status = copy.status();
            tab.problem = copy.problem();
            return false;
        }
        BackupPayload remote = copy.remote;
        long now = tab.now();
        Vault merged = VaultMerge.sync(tab.local.vault(), remote.vault(), now);
        if (!merged.equals(tab.local.vault())) {
            merged = tab.local.change(current -> VaultMerge.sync(current, remote.vault(), now));
        }
        SyncState state = tab.state;
        Header slotsAdded = state.header == null ? null
                : BackupKeys.withLocalPasskeySlots(copy.envelope.parsedHeader(), Header.parse(state.header));
        SyncState next = state.withServerCopy(slotsAdded != null ? slotsAdded.write() : copy.envelope.header(),
                stored.etag, remote.revision());
        // What this device knows that the backup lacks (an edit it keeps, say, because the other's was older, or a
        // passkey slot added here) goes up, or the devices would each keep their own view.
        tab.save(BackupPayload.sameContent(merged, remote.vault()) && slotsAdded == null ? next : next.withPending());
        tab.onServer = remote.vault();
        return true;
    }

    private void failed(ServerFailure e) {
        switch (e.kind()) {
            case OFFLINE:
            case FAILED:
                tab.retryLater(e.getMessage());
                break;
            case SIGNED_OUT:
                tab.account = null;
                tab.accountKnown = true;
                tab.outOfDate(SyncTab.signedOutProblem());
                break;
            case TOO_LARGE:
                tab.outOfDate(BackupSize.tooLarge(-1, e.limit()));
                break;
            case REFUSED:
                // A change to the backup's keys (a passkey's slot) needs a recent passkey sign-in; the next sign-in
                // tries again.
                tab.outOfDate(e.needsRecentSignIn()
                        ? Text.t("sign in with your passkey to save the change to the backup's keys") : e.getMessage());
                break;
            default:
                tab.outOfDate(e.getMessage());
        }
    }
}
