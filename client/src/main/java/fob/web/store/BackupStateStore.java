package fob.web.store;

import fob.local.StorageException;
import fob.sync.PendingCode;
import fob.sync.RevisionsSeen;
import fob.sync.SyncState;
import fob.sync.SyncStore;
import fob.text.Text;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/**
 * The sync state in IndexedDB, beside the vault (a plain record: nothing in it is secret), shared by the tabs.
 * Records written before lineages lack {@code accountId} and {@code lineage}: they read as null, and the sync
 * core adopts the account at the next sign-in (docs/formats.md).
 */
public final class BackupStateStore implements SyncStore {
    private final IndexedDb.Database db = IndexedDbRecords.database();

    private interface Record extends JSObject {
        @JSProperty
        String getAccountId();

        @JSProperty
        String getAccountName();

        @JSProperty
        String getLineage();

        @JSProperty
        String getHeader();

        @JSProperty
        String getEtag();

        @JSProperty
        double getLastRevision();

        @JSProperty
        double getLastBackupAt();

        @JSProperty
        String getSeen();

        @JSProperty
        String getPendingCode();


    }

    /** A flag that records from before it lack (undefined): false. */
    @JSBody(params = {"record", "name"}, script = "return record[name] === true;")
    private static native boolean flag(Record record, String name);

    @JSBody(params = {"enabled", "accountId", "accountName", "lineage", "header", "etag", "lastRevision",
        "lastBackupAt", "pending", "deletedElsewhere", "seen", "pendingCode"},
            script = "return {enabled: enabled, accountId: accountId, accountName: accountName, lineage: lineage,"
            + " header: header, etag: etag, lastRevision: lastRevision, lastBackupAt: lastBackupAt, pending: pending,"
            + " deletedElsewhere: deletedElsewhere, seen: seen, pendingCode: pendingCode};")
    private static native Record record(boolean enabled, String accountId, String accountName, String lineage,
            String header, String etag, double lastRevision, double lastBackupAt, boolean pending,
            boolean deletedElsewhere, String seen, String pendingCode);

    @Override
    public SyncState load() throws StorageException {
        try {
            Record record = Promises.await(IndexedDb.get(db, IndexedDb.BACKUP_STATE));
            if (record == null) {
                return SyncState.OFF;
            }
            return new SyncState(flag(record, "enabled"), orNull(record.getAccountId()), orNull(record.getAccountName()),
                    orNull(record.getLineage()), orNull(record.getHeader()), orNull(record.getEtag()),
                    (long) record.getLastRevision(), (long) record.getLastBackupAt(), flag(record, "pending"),
                    flag(record, "deletedElsewhere"), RevisionsSeen.read(orNull(record.getSeen())),
                    PendingCode.read(orNull(record.getPendingCode())));
        } catch (JsFailure e) {
            throw new StorageException(Text.t("Fob's backup settings cannot be read ({0})", e.getMessage()));
        }
    }

    /** A field the record lacks (undefined) or holds as null. */
    @JSBody(params = "value", script = "return value === undefined ? null : value;")
    private static native String orNull(String value);

    @Override
    public void save(SyncState state) throws StorageException {
        try {
            Promises.await(IndexedDb.put(db, IndexedDb.BACKUP_STATE, record(state.enabled, state.accountId,
                    state.accountName, state.lineage, state.header, state.etag, state.lastRevision,
                    state.lastBackupAt, state.pending, state.deletedElsewhere, state.seen.write(),
                    state.pendingCode == null ? null : state.pendingCode.write())));
        } catch (JsFailure e) {
            throw new StorageException(Text.t("Fob's backup settings could not be saved ({0})", e.getMessage()));
        }
    }
}
