package fob.local;

import fob.crypto.Aead;
import fob.crypto.BouncyCastleAead;
import fob.crypto.DecryptionException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One browser's IndexedDB and WebCrypto as the page's adapters give them to {@link VaultKeeper}: every call is one
 * transaction (a read sees one write's record and key, a write is all or nothing), the revision check and the
 * first device key are decided inside the write's transaction, and keys are handles whose bytes no keeper sees.
 * Tests may queue {@link #beforeTransaction} actions (another tab's work landing between two of this tab's
 * transactions) and {@link #failNextWrite} failures (a full disk, an aborted transaction).
 */
final class SimulatedBrowser implements RecordStorage, DeviceKeys {
    static final Aead CRYPTO = new BouncyCastleAead();

    /** A key handle: its bytes stay in this simulated browser. */
    static final class SimulatedKey implements DeviceKeys.Key {
        private final byte[] bytes;

        SimulatedKey(byte[] bytes) {
            this.bytes = bytes.clone();
        }
    }

    /** Something that happens between two transactions, such as another tab's write. */
    interface Interleaved {
        void run() throws Exception;
    }

    VaultRecord record;
    SimulatedKey deviceKey;
    String preferences;
    boolean backupSettings;
    /** Records set aside by "Start a new vault", by their key. */
    final Map<String, VaultRecord> aside = new LinkedHashMap<>();
    /** Actions waiting for a page's transaction, each after so many more of them. */
    private final List<Object[]> interleaved = new ArrayList<>();
    private int interleaving;
    private StorageFailure nextWriteFailure;
    int transactions;

    /**
     * Runs {@code action} just before the page's transaction that comes after {@code skipped} more of them
     * (transactions of the action itself do not count): another page's work landing in between.
     */
    void beforeTransaction(int skipped, Interleaved action) {
        interleaved.add(new Object[] {skipped, action});
    }

    /** Forgets actions and failures that no transaction met. */
    void settle() {
        interleaved.clear();
        nextWriteFailure = null;
    }

    void failNextWrite(StorageFailure.Kind kind) {
        nextWriteFailure = new StorageFailure(kind, kind == StorageFailure.Kind.NO_ROOM ? "QuotaExceededError"
                : "AbortError: the write was aborted");
    }

    private void transaction() {
        transactions++;
        if (interleaving > 0) {
            return;
        }
        List<Interleaved> due = new ArrayList<>();
        for (int i = 0; i < interleaved.size(); i++) {
            Object[] pending = interleaved.get(i);
            int skipped = (Integer) pending[0];
            if (skipped == 0) {
                due.add((Interleaved) pending[1]);
                interleaved.remove(i--);
            } else {
                pending[0] = skipped - 1;
            }
        }
        interleaving++;
        try {
            for (Interleaved action : due) {
                action.run();
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("an interleaved action failed: " + e, e);
        } finally {
            interleaving--;
        }
    }

    private void writeTransaction() throws StorageFailure {
        transaction();
        if (nextWriteFailure != null) {
            StorageFailure failure = nextWriteFailure;
            nextWriteFailure = null;
            throw failure;
        }
    }

    @Override
    public Snapshot read() throws StorageFailure {
        transaction();
        return new Snapshot(record, deviceKey, preferences);
    }

    @Override
    public void putVault(long expectedRevision, VaultRecord newRecord, DeviceKeys.Key newDeviceKey)
            throws StorageFailure {
        writeTransaction();
        long revision = record == null ? 0 : record.revision();
        if (revision != expectedRevision) {
            throw new StorageFailure(StorageFailure.Kind.CONFLICT, "another tab wrote first");
        }
        if (newDeviceKey != null) {
            if (deviceKey != null) {
                throw new StorageFailure(StorageFailure.Kind.CONFLICT, "another tab made the device key");
            }
            deviceKey = (SimulatedKey) newDeviceKey;
        }
        record = newRecord;
    }

    @Override
    public void replaceUnreadable(long expectedRevision, String asideKey, VaultRecord newRecord,
            DeviceKeys.Key newDeviceKey) throws StorageFailure {
        writeTransaction();
        long revision = record == null ? 0 : record.revision();
        if (revision != expectedRevision) {
            throw new StorageFailure(StorageFailure.Kind.CONFLICT, "another tab wrote first");
        }
        aside.put(asideKey, record);
        backupSettings = false;
        deviceKey = (SimulatedKey) newDeviceKey;
        record = newRecord;
    }

    @Override
    public void clear() throws StorageFailure {
        writeTransaction();
        record = null;
        deviceKey = null;
        preferences = null;
        backupSettings = false;
        aside.clear();
    }

    @Override
    public Key newDeviceKey() {
        return new SimulatedKey(CRYPTO.random(32));
    }

    @Override
    public Key importKey(byte[] raw) {
        return new SimulatedKey(raw);
    }

    @Override
    public byte[] seal(Key key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        return CRYPTO.seal(((SimulatedKey) key).bytes, nonce, associatedData, plaintext);
    }

    @Override
    public byte[] open(Key key, byte[] nonce, byte[] associatedData, byte[] sealed) throws StorageFailure {
        try {
            return CRYPTO.open(((SimulatedKey) key).bytes, nonce, associatedData, sealed);
        } catch (DecryptionException e) {
            throw new StorageFailure(StorageFailure.Kind.OTHER, "OperationError: The operation failed");
        }
    }

    @Override
    public String openText(Key key, byte[] nonce, byte[] associatedData, byte[] sealed) throws StorageFailure {
        return new String(open(key, nonce, associatedData, sealed), StandardCharsets.UTF_8);
    }

    /** The stored device key's bytes, which only a test looks at (a page's WebCrypto key never gives them). */
    byte[] deviceKeyBytes() {
        return deviceKey.bytes.clone();
    }

    /** What is stored, to tell whether a step changed it. */
    String snapshot() {
        return record == null ? "no record" : record.format() + "/" + record.revision() + "/"
                + Arrays.toString(record.ciphertext()) + "/" + record.lock() + "/" + System.identityHashCode(deviceKey)
                + "/" + aside.keySet();
    }

    /** Damages the stored record's ciphertext, as a disk or an extension might. */
    void damageCiphertext() {
        byte[] damaged = record.ciphertext().clone();
        damaged[damaged.length / 2] ^= 1;
        record = record.lock() == null
                ? VaultRecord.plain(record.revision(), record.keyNonce(), record.wrappedKey(), record.nonce(), damaged)
                : VaultRecord.locked(record.revision(), record.keyNonce(), record.lock(), record.nonce(), damaged);
    }

    /** A page of this browser: its own keeper over the shared storage. */
    VaultKeeper newKeeper(long[] clock) {
        return new VaultKeeper(this, this, CRYPTO, () -> clock[0]);
    }
}
