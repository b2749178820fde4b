package fob.web.backup;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.PasskeySlot;
import fob.backup.RecoveryCode;
import fob.backup.RecoveryCodeSlot;
import fob.backup.Slot;
import fob.backup.VaultMerge;
import fob.codec.Base64Url;
import fob.vault.Account;
import fob.vault.Vault;
import fob.vault.VaultException;
import fob.web.Async;
import fob.web.VaultSession;
import fob.web.js.Browser;
import fob.web.store.BackupState;
import fob.web.store.BackupStateStore;
import fob.web.store.StorageException;
import fob.web.store.VaultStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.browser.Window;

/**
 * Cloud backup: uploads every change, encrypted, a moment after it is made; merges with other devices when
 * they wrote first; queues changes while offline or signed out and retries with backoff; restores. The
 * status it reports is what the Settings dialog shows.
 */
public final class BackupService {
    /** What the status line says. */
    public enum Status { NOT_BACKED_UP, BACKING_UP, UP_TO_DATE, OUT_OF_DATE }

    private static final int DEBOUNCE_MILLIS = 1200;
    private static final int MAX_RETRY_MILLIS = 5 * 60 * 1000;

    private final VaultSession session;
    private final VaultStore vaultStore;
    private final BackupStateStore stateStore;
    private final ServerApi api;
    private final Passkeys passkeys;
    private final BackupCodec codec = new BackupCodec(new WebCryptoBackend());
    private final List<Runnable> listeners = new ArrayList<>();

    private BackupState state = BackupState.OFF;
    private Status status = Status.NOT_BACKED_UP;
    private String problem = "";
    /** Whether the server knows this browser: null until asked. */
    private Boolean signedIn;
    private String accountName;
    private boolean uploading;
    private int timer = -1;
    private int retryMillis = 2000;

    public BackupService(VaultSession session, VaultStore vaultStore) {
        this.session = session;
        this.vaultStore = vaultStore;
        this.stateStore = new BackupStateStore(vaultStore);
        this.api = new ServerApi();
        this.passkeys = new Passkeys(api);
    }

    public ServerApi api() {
        return api;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    public Status status() {
        return status;
    }

    /** Why the backup is out of date, or "". */
    public String problem() {
        return problem;
    }

    public BackupState state() {
        return state;
    }

    public boolean isEnabled() {
        return state.enabled;
    }

    public Boolean signedIn() {
        return signedIn;
    }

    public String accountName() {
        return accountName != null ? accountName : state.accountName;
    }

    /** Reads the saved state, asks the server who is signed in, and uploads what is pending. */
    public void start() throws StorageException {
        state = stateStore.load();
        status = !state.enabled ? Status.NOT_BACKED_UP : state.pending ? Status.OUT_OF_DATE : Status.UP_TO_DATE;
        problem = state.pending ? "changes wait to be uploaded" : "";
        changed();
        try {
            accountName = api.sessionAccountName();
            signedIn = accountName != null;
        } catch (OfflineException e) {
            signedIn = null;
        } catch (ServerException e) {
            signedIn = null;
        }
        if (state.enabled && Boolean.FALSE.equals(signedIn)) {
            outOfDate("you are signed out of your recovery account");
        }
        changed();
        if (state.enabled && state.pending && !Boolean.FALSE.equals(signedIn)) {
            schedule(0);
        } else {
            pullQuietly();
        }
    }

    /** A pull whose failure only shows in the status: it runs in the background. */
    public void pullQuietly() {
        Async.run(() -> {
            try {
                pull();
            } catch (OfflineException e) {
                // Offline: nothing to learn now; the next change or pull will tell.
            }
        }, this::outOfDate);
    }

    /** Called after every change this page stores. */
    public void vaultChanged() {
        if (!state.enabled) {
            return;
        }
        if (!state.pending) {
            state = state.withPending();
            Async.run(() -> stateStore.save(state), this::outOfDate);
        }
        if (status == Status.UP_TO_DATE) {
            // Truthful at once: the change is not uploaded yet.
            status = Status.BACKING_UP;
            changed();
        }
        schedule(DEBOUNCE_MILLIS);
    }

    /** Tries again at once: the browser is back online, or the user signed in again. */
    public void retryNow() {
        if (state.enabled && state.pending) {
            retryMillis = 2000;
            schedule(0);
        }
    }

    private void schedule(int delay) {
        if (timer >= 0) {
            Window.clearTimeout(timer);
        }
        timer = Window.setTimeout(() -> {
            timer = -1;
            Async.run(this::upload, this::outOfDate);
        }, delay);
    }

    private void outOfDate(String why) {
        status = Status.OUT_OF_DATE;
        problem = why;
        changed();
    }

    private void retryLater(String why) {
        outOfDate(why);
        schedule(retryMillis);
        retryMillis = Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
    }

    private void saveState(BackupState next) throws StorageException {
        stateStore.save(next);
        state = next;
    }

    /** Uploads the vault, merging first when another device wrote in between. */
    private void upload() throws StorageException, BackupException, VaultException {
        if (uploading || !state.enabled || !state.pending) {
            return;
        }
        uploading = true;
        status = Status.BACKING_UP;
        changed();
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                Vault snapshot = session.vault();
                long revision = state.lastRevision + 1;
                byte[] payload = new BackupPayload(revision, System.currentTimeMillis(), snapshot).toBytes();
                Envelope envelope = codec.seal(vaultStore.exportVaultKey(), state.header, payload);
                try {
                    String etag = api.putBackup(envelope.toJson(), state.etag);
                    saveState(state.uploaded(etag, revision, System.currentTimeMillis(), session.vault() != snapshot));
                    retryMillis = 2000;
                    status = Status.UP_TO_DATE;
                    problem = "";
                    if (state.pending) {
                        schedule(DEBOUNCE_MILLIS);
                    }
                    return;
                } catch (ServerApi.PreconditionFailed e) {
                    if (!pullAndMerge()) {
                        return;
                    }
                }
            }
            retryLater("other devices keep writing; trying again");
        } catch (OfflineException e) {
            retryLater("Fob's server cannot be reached (offline?)");
        } catch (ServerException e) {
            if (e.isSignedOut()) {
                signedIn = false;
                outOfDate("you are signed out of your recovery account");
            } else if (e.status() >= 500) {
                retryLater("the server failed (" + e.getMessage() + ")");
            } else {
                outOfDate(e.getMessage());
            }
        } finally {
            uploading = false;
            changed();
        }
    }

    /**
     * Checks for another device's newer backup (a cheap conditional GET) and merges it in. Runs when Fob starts,
     * when it comes back into view, and every few minutes while it is in view.
     */
    public void pull() throws OfflineException, ServerException, StorageException, BackupException, VaultException {
        if (!state.enabled || uploading || state.etag == null || !Boolean.TRUE.equals(signedIn)) {
            return;
        }
        ServerApi.StoredBackup stored = api.backupIfChanged(state.etag);
        if (stored != null && stored.body == null) {
            return;
        }
        merge(stored);
        if (state.pending) {
            schedule(0);
        }
        changed();
    }

    /** Another device wrote first: read its backup and merge it into this one. False: stop uploading. */
    private boolean pullAndMerge() throws OfflineException, ServerException, StorageException, BackupException,
            VaultException {
        return merge(api.backup());
    }

    private boolean merge(ServerApi.StoredBackup stored) throws StorageException, BackupException, VaultException {
        if (stored == null) {
            saveState(state.disabled());
            status = Status.NOT_BACKED_UP;
            problem = "the backup was deleted on another device";
            return false;
        }
        Envelope envelope = Envelope.parse(stored.body);
        BackupPayload remote;
        try {
            remote = BackupPayload.read(codec.open(envelope, vaultStore.exportVaultKey()));
        } catch (BackupException e) {
            outOfDate("the backup on the server was replaced with one this browser cannot open; turn Cloud backup off"
                    + " and on again to restore or merge it");
            return false;
        }
        if (remote.revision() < state.lastRevision) {
            outOfDate("the server's backup (revision " + remote.revision() + ") is older than one this browser has"
                    + " seen (revision " + state.lastRevision + "); restore from the backup history on purpose if"
                    + " you want it");
            return false;
        }
        Vault local = session.vault();
        if (!VaultMerge.sync(local, remote.vault()).equals(local)) {
            session.change(current -> VaultMerge.sync(current, remote.vault()));
        }
        saveState(state.withServerCopy(envelope.header(), stored.etag, remote.revision()));
        return true;
    }

    // Signing in and out.

    public Passkeys.Ceremony createAccount(String name) throws OfflineException, ServerException {
        Passkeys.Ceremony ceremony = passkeys.createAccount(name);
        signedIn(ceremony);
        return ceremony;
    }

    public Passkeys.Ceremony signIn() throws OfflineException, ServerException, StorageException, BackupException {
        Passkeys.Ceremony ceremony = passkeys.signIn();
        signedIn(ceremony);
        ensurePasskeySlot(ceremony);
        return ceremony;
    }

    private void signedIn(Passkeys.Ceremony ceremony) {
        signedIn = true;
        accountName = ceremony.accountName;
        changed();
        retryNow();
    }

    public void signOut() throws OfflineException, ServerException {
        api.signOut();
        signedIn = false;
        if (state.enabled) {
            outOfDate("you are signed out of your recovery account");
        }
        changed();
    }

    /** A sign-in with a PRF-capable passkey that has no slot yet gives it one, so it can restore on its own. */
    private void ensurePasskeySlot(Passkeys.Ceremony ceremony) throws StorageException, BackupException {
        if (!state.enabled || ceremony.prf == null || state.header == null) {
            return;
        }
        List<Slot> slots = new ArrayList<>(Envelope.parse(placeholderEnvelope(state.header)).slots());
        for (Slot slot : slots) {
            if (slot instanceof PasskeySlot && Arrays.equals(((PasskeySlot) slot).credentialId(), ceremony.credentialId)) {
                return;
            }
        }
        slots.add(0, codec.passkeySlot(vaultStore.exportVaultKey(), ceremony.credentialId, ceremony.prf));
        saveState(state.withHeader(Envelope.writeHeader(slots)));
        schedule(0);
    }

    /** An envelope around a header, to read its slots with the envelope parser. */
    private static String placeholderEnvelope(String header) {
        return "{\"fob\":1,\"header\":\"" + header + "\",\"nonce\":\"AAAAAAAAAAAAAAAA\","
                + "\"ciphertext\":\"AAAAAAAAAAAAAAAAAAAAAA\"}";
    }

    // Turning backup on and off.

    /** What turning backup on led to. */
    public static final class Enabled {
        /** The new recovery code, to show once; null when a backup already existed (then restore it). */
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
     * Turns backup on for the signed-in account. Needs the key of a passkey: {@code ceremony} from a sign-in or
     * account creation just now, or, when null, a sign-in is made here. If the account already has a backup,
     * nothing is uploaded: it must be restored or merged first.
     */
    public Enabled enable(Passkeys.Ceremony ceremony) throws OfflineException, ServerException, StorageException,
            BackupException {
        Passkeys.Ceremony key = ceremony != null && ceremony.prf != null ? ceremony : passkeys.signIn();
        signedIn(key);
        ServerApi.StoredBackup stored = api.backup();
        if (stored != null) {
            return new Enabled(null, Restore.of(this, key, stored), key.prf == null);
        }
        byte[] vaultKey = vaultStore.exportVaultKey();
        byte[] code = codec.newRecoveryCode();
        List<Slot> slots = new ArrayList<>();
        if (key.prf != null) {
            slots.add(codec.passkeySlot(vaultKey, key.credentialId, key.prf));
        }
        slots.add(codec.recoveryCodeSlot(vaultKey, code));
        saveState(state.enabled(Envelope.writeHeader(slots), null, 0, 0, key.accountName));
        status = Status.BACKING_UP;
        changed();
        schedule(0);
        return new Enabled(RecoveryCode.format(code), null, key.prf == null);
    }

    /** Deletes the backup and its history on the server; the accounts here stay. */
    public void deleteBackup() throws OfflineException, ServerException, StorageException {
        api.deleteBackup();
        saveState(state.disabled());
        status = Status.NOT_BACKED_UP;
        problem = "";
        changed();
    }

    /** Replaces the recovery-code slot with a new code's; returns the code, to show once. */
    public String newRecoveryCode() throws StorageException, BackupException {
        byte[] code = codec.newRecoveryCode();
        List<Slot> slots = new ArrayList<>();
        for (Slot slot : Envelope.parse(placeholderEnvelope(state.header)).slots()) {
            if (!(slot instanceof RecoveryCodeSlot)) {
                slots.add(slot);
            }
        }
        slots.add(codec.recoveryCodeSlot(vaultStore.exportVaultKey(), code));
        saveState(state.withHeader(Envelope.writeHeader(slots)));
        schedule(0);
        return RecoveryCode.format(code);
    }

    /** Adds a passkey; with a PRF output it gets a slot of its own. Returns whether it can open backups alone. */
    public boolean addPasskey() throws OfflineException, ServerException, StorageException, BackupException {
        Passkeys.Ceremony added;
        try {
            added = passkeys.addPasskey(accountName());
        } catch (ServerException e) {
            if (!"reauthentication_required".equals(e.code())) {
                throw e;
            }
            signIn();
            added = passkeys.addPasskey(accountName());
        }
        ensurePasskeySlot(added);
        return added.prf != null;
    }

    public void removePasskey(String id) throws OfflineException, ServerException, StorageException,
            BackupException {
        try {
            api.removePasskey(id);
        } catch (ServerException e) {
            if (!"reauthentication_required".equals(e.code())) {
                throw e;
            }
            signIn();
            api.removePasskey(id);
        }
        if (state.enabled && state.header != null) {
            List<Slot> slots = new ArrayList<>();
            for (Slot slot : Envelope.parse(placeholderEnvelope(state.header)).slots()) {
                if (!(slot instanceof PasskeySlot && Base64Url.encode(((PasskeySlot) slot).credentialId()).equals(id))) {
                    slots.add(slot);
                }
            }
            saveState(state.withHeader(Envelope.writeHeader(slots)));
            schedule(0);
        }
    }

    // Restoring.

    /** A backup read from the server, on its way into this browser. */
    public static final class Restore {
        private final BackupService service;
        private final Passkeys.Ceremony ceremony;
        private final ServerApi.StoredBackup stored;
        private final Envelope envelope;
        private byte[] vaultKey;
        private BackupPayload payload;

        private Restore(BackupService service, Passkeys.Ceremony ceremony, ServerApi.StoredBackup stored,
                Envelope envelope) {
            this.service = service;
            this.ceremony = ceremony;
            this.stored = stored;
            this.envelope = envelope;
        }

        static Restore of(BackupService service, Passkeys.Ceremony ceremony, ServerApi.StoredBackup stored)
                throws BackupException, StorageException {
            Restore restore = new Restore(service, ceremony, stored, Envelope.parse(stored.body));
            if (ceremony.prf != null) {
                try {
                    restore.open(service.codec.vaultKeyFromPasskey(restore.envelope, ceremony.credentialId,
                            ceremony.prf));
                } catch (BackupException needsCode) {
                    // This passkey has no slot (or no PRF): the recovery code is the way in.
                }
            }
            return restore;
        }

        /** Whether the recovery code is needed to open the backup. */
        public boolean needsRecoveryCode() {
            return payload == null;
        }

        /** Opens the backup with the recovery code; a wrong code changes nothing. */
        public void openWithRecoveryCode(String code) throws BackupException, StorageException {
            open(service.codec.vaultKeyFromRecoveryCode(envelope, code));
        }

        private void open(byte[] key) throws BackupException, StorageException {
            BackupPayload read = BackupPayload.read(service.codec.open(envelope, key));
            if (read.revision() < service.state.lastRevision) {
                throw new BackupException("The backup on the server (revision " + read.revision() + ") is older than"
                        + " one this browser has seen (revision " + service.state.lastRevision + "); it may have been"
                        + " rolled back. Restore an older version from the history only on purpose.");
            }
            vaultKey = key;
            payload = read;
        }

        public int accountCount() {
            return payload.vault().accounts().size();
        }

        /**
         * Brings the backup's accounts in: all of them into an empty vault, or (merge) only those that are
         * missing, never overwriting or deleting a local one. Then backup is on, with this backup's key.
         */
        public void apply() throws VaultException, StorageException {
            Vault restored = payload.vault();
            boolean[] merged = {false};
            service.session.adopt(vaultKey, local -> {
                if (local.isEmpty()) {
                    return new Vault(restored.accounts(), restored.settings(), restored.tombstones());
                }
                merged[0] = true;
                return VaultMerge.addMissing(local, restored);
            });
            BackupState next = service.state.enabled(envelope.header(), stored.etag, payload.revision(),
                    System.currentTimeMillis(), ceremony.accountName);
            service.saveState(merged[0] ? next : next.uploaded(stored.etag, payload.revision(),
                    System.currentTimeMillis(), false));
            service.status = merged[0] ? Status.OUT_OF_DATE : Status.UP_TO_DATE;
            service.problem = merged[0] ? "uploading the merged accounts" : "";
            service.changed();
            if (merged[0]) {
                service.schedule(0);
            }
            Browser.requestPersistentStorage();
        }
    }

    /** Signs in and reads the account's backup, for "Begin recovery". Null when the account has no backup. */
    public Restore beginRestore() throws OfflineException, ServerException, BackupException, StorageException {
        Passkeys.Ceremony ceremony = passkeys.signIn();
        signedIn(ceremony);
        ServerApi.StoredBackup stored = api.backup();
        return stored == null ? null : Restore.of(this, ceremony, stored);
    }

    /** Makes an earlier version the newest: its accounts replace these (placeholders keep this browser's secrets). */
    public void restoreVersion(long number) throws OfflineException, ServerException, BackupException,
            StorageException, VaultException {
        Envelope envelope = Envelope.parse(api.version(number));
        BackupPayload old = BackupPayload.read(codec.open(envelope, vaultStore.exportVaultKey()));
        long now = System.currentTimeMillis();
        session.change(local -> {
            List<Account> accounts = new ArrayList<>();
            for (Account account : old.vault().accounts()) {
                Account here = local.find(account.id());
                accounts.add(account.isPlaceholder() && here != null && !here.isPlaceholder()
                        ? account.withOtp(here.otp(), account.updated()) : account.edited(account.kind(),
                        account.issuer(), account.name(), account.otp(), account.note(), Math.max(now,
                        account.updated())));
            }
            Map<String, Long> tombstones = new LinkedHashMap<>(local.tombstones());
            for (Account account : local.accounts()) {
                if (old.vault().find(account.id()) == null) {
                    tombstones.put(account.id(), now);
                }
            }
            return new Vault(accounts, local.settings(), tombstones);
        });
    }
}
