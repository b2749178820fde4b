package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.Envelope;
import fob.crypto.BouncyCastleAead;
import fob.crypto.BouncyCastleEcdh;
import fob.vault.Account;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The world the sync core lives in, simulated for {@link SyncModelTest}: Fob's server (its backup API, version
 * numbers that are never reused, sessions), recovery accounts with one synced passkey each, and devices that each
 * have a vault, a vault key, stored sync state, timers and a clock that may run ahead or behind. The server checks,
 * on every write, that the writer could open what it replaces and writes to the account its state belongs to.
 */
final class SimulatedWorld {
    static final BackupCodec CODEC = new BackupCodec(new BouncyCastleAead(), new BouncyCastleEcdh());

    /** A recovery account: its id, name and its one passkey (synced to every device, with PRF). */
    static final class RecoveryAccount {
        final String id;
        final String name;
        final PasskeyKey passkey;

        RecoveryAccount(String id, String name, Random random) {
            this.id = id;
            this.name = name;
            byte[] credential = new byte[16];
            byte[] prf = new byte[32];
            random.nextBytes(credential);
            random.nextBytes(prf);
            this.passkey = new PasskeyKey(credential, prf);
        }

        BackupServer.Account asServerAccount() {
            return new BackupServer.Account(id, name);
        }
    }

    /** One version of an account's backup as the server holds it; {@code forged} when the adversary wrote it. */
    static final class StoredBackup {
        final String body;
        final long version;
        final boolean forged;

        StoredBackup(String body, long version, boolean forged) {
            this.body = body;
            this.version = version;
            this.forged = forged;
        }

        String etag() {
            return "\"" + version + "\"";
        }
    }

    final List<RecoveryAccount> accounts = new ArrayList<>();
    final List<Device> devices = new ArrayList<>();
    private final Map<String, StoredBackup> backups = new HashMap<>();
    /** Every genuine version each account's backup ever had, oldest first: what a Byzantine server can keep. */
    final Map<String, List<StoredBackup>> history = new HashMap<>();
    /** Every envelope an honest device uploaded (put or rotation), in order: none may open with the adversary's keys. */
    final List<String> honestUploads = new ArrayList<>();
    /** The server turned against the person; it does nothing until a step tells it to. */
    final Adversary adversary = new Adversary(this);
    private final Map<String, Long> nextVersion = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    /** How many key rotations the server took. */
    long rotations;
    /** The largest envelope the simulated server takes (the real one's FOB_BACKUP_MAX_BYTES). */
    long backupMaxBytes = Long.MAX_VALUE;
    /** How many backups were written: the model's sign that syncing has come to rest. */
    long writes;
    long now = 1_800_000_000_000L;

    /** The backup the server holds for {@code accountId} now (what an honest server would answer), or null. */
    StoredBackup current(String accountId) {
        return backups.get(accountId);
    }

    /** The adversary writes over an account's backup, as only the server (or a stolen session) can. */
    StoredBackup replaceWithForgery(String accountId, String envelopeJson) {
        StoredBackup forged = new StoredBackup(envelopeJson, nextVersion.merge(accountId, 1L, Long::sum), true);
        backups.put(accountId, forged);
        return forged;
    }

    RecoveryAccount account(String id) {
        for (RecoveryAccount account : accounts) {
            if (account.id.equals(id)) {
                return account;
            }
        }
        return null;
    }

    /** One browser with Fob: its vault, its key, its sync state and its link to the server. */
    final class Device implements LocalVault, SyncStore, Scheduler, BackupServer {
        final String name;
        final BackupSync sync;
        Vault vault = Vault.EMPTY;
        byte[] vaultKey;
        SyncState stored = SyncState.OFF;
        long drift;
        boolean online = true;
        RecoveryAccount signedInAs;
        long uploadAt = -1;
        /**
         * Whether the server wants a passkey sign-in within the last 5 minutes for a rotation or a deletion, as the
         * real one does; off unless a test turns it on ({@link #signedInRecently} then says whether there was one).
         */
        boolean requiresRecentSignIn;
        boolean signedInRecently;
        /** How many reads still answer "no backup", as a read made just before another device's write would. */
        int readsBeforeOthersWrite;
        final ArrayDeque<Runnable> soon = new ArrayDeque<>();
        /**
         * A second tab of this browser: the same storage, session and server, its own memory. What one tab tells
         * the other (a BroadcastChannel message in the page) waits in {@link #tabMessages} until delivered.
         */
        final BackupSync otherTab;
        final ArrayDeque<Runnable> tabMessages = new ArrayDeque<>();

        Device(String name, Random random) {
            this.name = name;
            this.vaultKey = new byte[32];
            random.nextBytes(vaultKey);
            this.sync = new BackupSync(this, this, this, this, () -> now + drift, CODEC);
            this.otherTab = new BackupSync(this, this, this, this, () -> now + drift, CODEC);
            sync.tellOtherTabsWith(() -> tabMessages.add(otherTab::otherTabChanged));
            otherTab.tellOtherTabsWith(() -> tabMessages.add(sync::otherTabChanged));
        }

        /** Delivers what the tabs told each other, and what that led them to say. */
        void deliverTabMessages() {
            for (int guard = 0; guard < 20 && !tabMessages.isEmpty(); guard++) {
                tabMessages.poll().run();
            }
        }

        long clock() {
            return now + drift;
        }

        /** A change the person makes here, as the page makes it: stored, then the backup is told. */
        void personChanges(LocalVault.Change change) throws VaultException {
            vault = change.apply(vault);
            sync.vaultChanged();
        }

        // LocalVault

        @Override
        public Vault vault() {
            return vault;
        }

        @Override
        public Vault change(Change change) throws VaultException {
            vault = change.apply(vault);
            sync.vaultChanged();
            return vault;
        }

        @Override
        public Vault adopt(byte[] key, Change change) throws VaultException {
            Vault next = change.apply(vault);
            vaultKey = key.clone();
            vault = next;
            sync.vaultChanged();
            return vault;
        }

        @Override
        public byte[] vaultKey() {
            return vaultKey.clone();
        }

        // SyncStore

        @Override
        public SyncState load() {
            return stored;
        }

        @Override
        public void save(SyncState state) {
            stored = state;
        }

        // Scheduler

        @Override
        public void uploadIn(int delayMillis) {
            uploadAt = now + delayMillis;
        }

        @Override
        public void soon(Runnable task) {
            soon.add(task);
        }

        /** Runs what is due: queued tasks, then an upload whose time has come. */
        void runDue() {
            deliverTabMessages();
            for (int guard = 0; guard < 100 && (!soon.isEmpty() || (uploadAt >= 0 && uploadAt <= now)); guard++) {
                while (!soon.isEmpty()) {
                    soon.poll().run();
                }
                if (uploadAt >= 0 && uploadAt <= now) {
                    uploadAt = -1;
                    sync.upload();
                }
            }
        }

        // BackupServer: this device's view of the one server.

        @Override
        public Account session() throws ServerFailure {
            requireOnline();
            return signedInAs == null ? null : signedInAs.asServerAccount();
        }

        @Override
        public Stored get(String knownEtag) throws ServerFailure {
            String account = requireSignedIn();
            StoredBackup backup = adversary.serve(account, backups.get(account));
            if (backup == null || readsBeforeOthersWrite > 0) {
                readsBeforeOthersWrite = Math.max(0, readsBeforeOthersWrite - 1);
                return null;
            }
            String etag = backup.etag();
            return etag.equals(knownEtag) ? new Stored(etag, null) : new Stored(etag, backup.body);
        }

        @Override
        public Stored getToRestore() throws ServerFailure {
            return get(null);
        }

        @Override
        public String put(String envelopeJson, String etag) throws ServerFailure, Conflict {
            String written = write(envelopeJson, etag);
            adversary.afterWrite();
            return written;
        }

        /** A write as an honest server makes it, unless the adversary answers 412 first. */
        private String write(String envelopeJson, String etag) throws ServerFailure, Conflict {
            String account = requireSignedIn();
            adversary.beforeWrite();
            if (envelopeJson.length() > backupMaxBytes) {
                throw ServerFailure.tooLarge(backupMaxBytes, "The request body is larger than " + backupMaxBytes
                        + " bytes");
            }
            try {
                Envelope.parse(envelopeJson);
            } catch (BackupException e) {
                throw new ServerFailure(ServerFailure.Kind.REFUSED, "invalid_envelope", e.getMessage());
            }
            StoredBackup current = backups.get(account);
            if (etag == null ? current != null : current == null || !etag.equals(current.etag())) {
                throw new Conflict();
            }
            if (current != null) {
                if (!account.equals(sync.state().accountId)) {
                    violations.add(name + " wrote over the backup of " + account + ", but its own backup belongs to "
                            + sync.state().accountId);
                }
                try {
                    CODEC.open(Envelope.parse(current.body), vaultKey);
                } catch (BackupException e) {
                    violations.add(name + " wrote over a backup of " + account + " that it could not open");
                }
            }
            long version = nextVersion.merge(account, 1L, Long::sum);
            writes++;
            if (Boolean.getBoolean("fob.syncModel.trace")) {
                try {
                    fob.backup.BackupPayload payload = fob.backup.BackupPayload.read(CODEC.open(Envelope.parse(
                            envelopeJson), vaultKey));
                    List<String> shown = new ArrayList<>();
                    for (fob.vault.Account a : payload.vault().accounts()) {
                        shown.add(a.issuer() + "@" + (a.updated() - 1_800_000_000_000L));
                    }
                    System.out.println("PUT " + version + " by " + name + " at " + (clock() - 1_800_000_000_000L) + ": "
                            + shown + " tombstones " + payload.vault().tombstones().keySet().size() + " orderedAt "
                            + payload.vault().orderedAt());
                } catch (BackupException e) {
                    System.out.println("PUT " + version + " by " + name + ": cannot open");
                }
            }
            StoredBackup stored = new StoredBackup(envelopeJson, version, false);
            backups.put(account, stored);
            history.computeIfAbsent(account, a -> new ArrayList<>()).add(stored);
            honestUploads.add(envelopeJson);
            return stored.etag();
        }

        /** The server keeps no history here, so a rotation is a write that also checks what the rotation sealed. */
        @Override
        public String rotate(String envelopeJson, String etag) throws ServerFailure, Conflict {
            if (etag == null) {
                violations.add(name + " rotated keys without naming the backup it replaces");
            }
            try {
                CODEC.open(Envelope.parse(envelopeJson), vaultKey);
                violations.add(name + " rotated the keys but sealed the backup under the old key");
            } catch (BackupException expected) {
                // The old key opens nothing the rotation wrote.
            }
            requireRecentSignIn();
            String written = write(envelopeJson, etag);
            rotations++;
            adversary.afterWrite();
            return written;
        }

        @Override
        public boolean delete() throws ServerFailure {
            String account = requireSignedIn();
            requireRecentSignIn();
            boolean deleted = backups.remove(account) != null;
            adversary.afterWrite();
            return deleted;
        }

        private void requireOnline() throws ServerFailure {
            if (!online) {
                throw ServerFailure.offline();
            }
        }

        /** The real server's 403 for a request that needs a recent passkey sign-in (docs/api.md); signed in only. */
        void requireRecentSignIn() throws ServerFailure {
            if (requiresRecentSignIn && signedInAs != null && online && !signedInRecently) {
                throw ServerFailure.answered(403, "reauthentication_required", "For this, sign in with your passkey"
                        + " again.", -1);
            }
        }

        private String requireSignedIn() throws ServerFailure {
            requireOnline();
            if (signedInAs == null) {
                throw ServerFailure.signedOut();
            }
            return signedInAs.id;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Device addDevice(Random random) {
        Device device = new Device("device " + (devices.size() + 1), random);
        devices.add(device);
        device.sync.start();
        device.otherTab.start();
        device.runDue();
        return device;
    }

    /** Time passes: every device runs what has come due. */
    void advance(long millis) {
        now += millis;
        for (Device device : devices) {
            device.runDue();
        }
    }

    static String credentialKey(Account account) {
        return account.isPlaceholder() ? "id:" + account.id()
                : account.otp().type() + ":" + java.util.Arrays.toString(account.otp().secret());
    }
}
