package fob.web.store;

import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** The backup state in IndexedDB, beside the vault (a plain record: nothing in it is secret). */
public final class BackupStateStore {
    private final IndexedDb.Database db;

    public BackupStateStore(VaultStore vaultStore) {
        this.db = vaultStore.db;
    }

    private interface Record extends JSObject {
        @JSProperty
        boolean isEnabled();

        @JSProperty
        String getHeader();

        @JSProperty
        String getEtag();

        @JSProperty
        double getLastRevision();

        @JSProperty
        double getLastBackupAt();

        @JSProperty
        String getAccountName();

        @JSProperty
        boolean isPending();
    }

    @JSBody(params = {"enabled", "header", "etag", "lastRevision", "lastBackupAt", "accountName", "pending"},
            script = "return {enabled: enabled, header: header, etag: etag, lastRevision: lastRevision,"
            + " lastBackupAt: lastBackupAt, accountName: accountName, pending: pending};")
    private static native Record record(boolean enabled, String header, String etag, double lastRevision,
            double lastBackupAt, String accountName, boolean pending);

    public BackupState load() throws StorageException {
        try {
            Record record = Promises.await(IndexedDb.get(db, IndexedDb.BACKUP_STATE));
            if (record == null) {
                return BackupState.OFF;
            }
            return new BackupState(record.isEnabled(), record.getHeader(), record.getEtag(),
                    (long) record.getLastRevision(), (long) record.getLastBackupAt(), record.getAccountName(),
                    record.isPending());
        } catch (JsFailure e) {
            throw new StorageException("Fob's backup settings cannot be read (" + e.getMessage() + ")");
        }
    }

    public void save(BackupState state) throws StorageException {
        try {
            Promises.await(IndexedDb.put(db, IndexedDb.BACKUP_STATE, record(state.enabled, state.header, state.etag,
                    state.lastRevision, state.lastBackupAt, state.accountName, state.pending)));
        } catch (JsFailure e) {
            throw new StorageException("Fob's backup settings could not be saved (" + e.getMessage() + ")");
        }
    }
}
