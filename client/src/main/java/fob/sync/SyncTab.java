package fob.sync;

import fob.backup.BackupCodec;
import fob.local.StorageException;
import fob.text.Text;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One tab's side of Cloud backup, shared by the parts of the sync core ({@link SyncLoop}, {@link BackupLifecycle},
 * {@link KeyRotation}, {@link RecoveryCodeKeeper}, {@link OutsideRotation}, {@link BackupKeys}): the ports it works
 * through, its one lock, the sync state as last read from storage, and what its status line says.
 *
 * <p>Each operation of the parts takes {@link #lock} once, at its start, and calls only helpers that take none:
 * TeaVM's monitors must not be entered twice by one thread that awaits inside them. Methods here take no lock; the
 * caller holds it, unless a method says otherwise.
 */
final class SyncTab {
    static final int FIRST_RETRY_MILLIS = 2000;
    static final int MAX_RETRY_MILLIS = 5 * 60 * 1000;

    final BackupServer server;
    final LocalVault local;
    final SyncStore store;
    final Scheduler scheduler;
    final LongSupplier clock;
    final BackupCodec codec;
    final Object lock = new Object();
    private final List<Runnable> listeners = new ArrayList<>();
    private Runnable otherTabs = () -> { };

    SyncState state = SyncState.OFF;
    SyncStatus status = SyncStatus.NOT_BACKED_UP;
    String problem = "";
    /** Who the server says is signed in; null when nobody is, or when not known. */
    BackupServer.Account account;
    boolean accountKnown;
    int retryMillis = FIRST_RETRY_MILLIS;
    /**
     * The accounts the server's backup holds, as this tab last uploaded or read them: a stored change that leaves
     * them as they are (a vault re-encrypted under a rotated key) has nothing to upload.
     */
    Vault onServer;

    SyncTab(BackupServer server, LocalVault local, SyncStore store, Scheduler scheduler, LongSupplier clock,
            BackupCodec codec) {
        this.server = server;
        this.local = local;
        this.store = store;
        this.scheduler = scheduler;
        this.clock = clock;
        this.codec = codec;
    }

    static String signedOutProblem() {
        return Text.t("you are signed out of your recovery account");
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    void tellOtherTabsWith(Runnable announce) {
        otherTabs = announce;
    }

    void tellOtherTabs() {
        otherTabs.run();
    }

    void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    long now() {
        return clock.getAsLong();
    }

    /** Reads the shared state again: another tab may have changed it. */
    SyncState load() throws StorageException {
        state = store.load();
        return state;
    }

    /** Saves {@code next}; a change of what this browser belongs to is announced to the other tabs. */
    void save(SyncState next) throws StorageException {
        store.save(next);
        boolean joinedOtherwise = next.enabled != state.enabled || next.deletedElsewhere != state.deletedElsewhere
                || !Objects.equals(next.accountId, state.accountId) || !Objects.equals(next.lineage, state.lineage);
        state = next;
        if (joinedOtherwise) {
            otherTabs.run();
        }
    }

    /** Whether this browser backs up to the account signed in now. */
    boolean canSync() {
        return state.enabled && account != null && state.belongsTo(account.id, account.name);
    }

    boolean isSignedOut() {
        return accountKnown && account == null;
    }

    /** Says why nothing can be uploaded to the signed-in account, and adopts the id of a state from before ids. */
    void checkAccount() {
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
            } catch (StorageException e) {
                outOfDate(e.getMessage());
            }
        }
    }

    void outOfDate(String why) {
        status = SyncStatus.OUT_OF_DATE;
        problem = why;
    }

    void retryLater(String why) {
        outOfDate(why);
        scheduler.uploadIn(retryMillis);
        retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
    }

    /** Tries again at once: the browser is back online, or the person signed in again. Takes no lock. */
    void retryNow() {
        retryMillis = FIRST_RETRY_MILLIS;
        scheduler.uploadIn(0);
    }

    /** In step with the server's backup again: up to date, or backing up at once what is still pending. */
    void inStep() {
        retryMillis = FIRST_RETRY_MILLIS;
        status = state.pending ? SyncStatus.BACKING_UP : SyncStatus.UP_TO_DATE;
        problem = "";
        changed();
        if (state.pending) {
            scheduler.uploadIn(0);
        }
    }

    /** This browser's own vault key, which it trusts; null when storage cannot give it (nothing is then trusted). */
    byte[] heldKey() {
        try {
            return local.vaultKey();
        } catch (StorageException e) {
            return null;
        }
    }

    /**
     * Joining another account's backup would replace this browser's key, under which an unfinished rotation of its
     * own backup keeps the new key and code ({@link PendingCode}): refused until that rotation is finished.
     */
    void refuseWhileARotationOfAnotherAccountIsUnfinished() throws UnfinishedRotationException {
        PendingCode pendingCode = state.pendingCode;
        if (pendingCode != null && pendingCode.awaitsAdoption() && !pendingCode.outside && account != null
                && state.accountId != null && !state.accountId.equals(account.id)) {
            throw new UnfinishedRotationException();
        }
    }
}
