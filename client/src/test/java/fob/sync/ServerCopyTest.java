package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Header;
import fob.vault.Vault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judgement of what the server holds, on its own: every verdict, from the server's answer and the state. */
class ServerCopyTest {
    private static final fob.backup.BackupCodec CODEC = SimulatedWorld.CODEC;
    private final byte[] key = CODEC.newVaultKey();
    private final String lineage = CODEC.newLineage();

    /** A backup of {@code lineage} at {@code revision}, sealed under {@code sealedWith}. */
    private BackupServer.Stored backup(String ofLineage, long revision, byte[] sealedWith) throws BackupException {
        String header = new Header(ofLineage, List.of(CODEC.recoveryCodeSlot(sealedWith, CODEC.newRecoveryCode())))
                .write();
        return new BackupServer.Stored("\"" + revision + "\"", CODEC.seal(sealedWith, header,
                new BackupPayload(revision, 1, Vault.EMPTY).toBytes()).toJson());
    }

    /** This browser backs up to {@code lineage}, has seen revision 5, and knows the backup's ETag when asked to. */
    private SyncState state(String etag) {
        return new SyncState(true, "acct-a", "Ann", lineage, null, etag, 5, 1, false, false);
    }

    private ServerCopy judge(BackupServer.Stored stored, SyncState state) throws Exception {
        return ServerCopy.judge(stored, state, CODEC, () -> key);
    }

    @Test
    void noBackupIsNothingYetUntilThisBrowserKnewOneThenItIsGone() throws Exception {
        assertEquals(ServerCopy.Verdict.NOTHING_YET, judge(null, state(null)).verdict);
        assertNull(judge(null, state(null)).status(), "the write goes on");
        ServerCopy gone = judge(null, state("\"5\""));
        assertEquals(ServerCopy.Verdict.GONE, gone.verdict);
        assertTrue(gone.stopsBackup());
        assertEquals(SyncStatus.DELETED_ELSEWHERE, gone.status());
        assertEquals("turn Cloud backup on again to back up this browser's accounts", gone.problem());
    }

    @Test
    void anotherLineageStopsBackupAndSaysWhy() throws Exception {
        ServerCopy other = judge(backup(CODEC.newLineage(), 9, key), state("\"5\""));
        assertEquals(ServerCopy.Verdict.OTHER_LINEAGE, other.verdict);
        assertTrue(other.stopsBackup());
        assertEquals(SyncStatus.DELETED_ELSEWHERE, other.status());
        assertTrue(other.problem().startsWith("another device deleted it and made a new backup"), other.problem());
    }

    @Test
    void aBackupThisKeyDoesNotOpenIsKeysChangedAndNothingIsWrittenOverIt() throws Exception {
        ServerCopy rotated = judge(backup(lineage, 9, CODEC.newVaultKey()), state("\"5\""));
        assertEquals(ServerCopy.Verdict.KEYS_CHANGED, rotated.verdict);
        assertFalse(rotated.stopsBackup(), "backup stays on: a passkey sign-in adopts the new key");
        assertEquals(SyncStatus.KEYS_CHANGED, rotated.status());
        assertTrue(rotated.problem().endsWith("nothing was uploaded over it"), rotated.problem());
    }

    @Test
    void anOlderRevisionIsARollback() throws Exception {
        ServerCopy older = judge(backup(lineage, 4, key), state("\"5\""));
        assertEquals(ServerCopy.Verdict.ROLLBACK, older.verdict);
        assertEquals(SyncStatus.OUT_OF_DATE, older.status());
        assertTrue(older.problem().startsWith("The server sent an older backup than this browser has already seen"),
                older.problem());
    }

    @Test
    void thisBrowsersBackupAtTheSameRevisionOrLaterIsMerged() throws Exception {
        ServerCopy same = judge(backup(lineage, 5, key), state("\"5\""));
        assertEquals(ServerCopy.Verdict.MERGE, same.verdict);
        assertEquals(5, same.remote.revision());
        assertEquals(lineage, same.envelope.lineage());
        assertEquals("", same.problem());
    }

    @Test
    void whatIsNotAnEnvelopeIsThrown() {
        assertThrows(BackupException.class, () -> judge(new BackupServer.Stored("\"1\"", "{\"fob\":1}"),
                state("\"5\"")));
    }
}
