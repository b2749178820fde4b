package fob.sync;

/** Fob's server as the sync core sees it (docs/api.md, "Backups"); the page's adapter speaks HTTP. */
public interface BackupServer {
    /** Who is signed in: the recovery account's id and name. */
    final class Account {
        public final String id;
        public final String name;

        public Account(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /** A backup as the server holds it: the envelope's JSON (null when it is still the one named) and its ETag. */
    final class Stored {
        public final String etag;
        public final String body;

        public Stored(String etag, String body) {
            this.etag = etag;
            this.body = body;
        }
    }

    /** The signed-in account, or null when nobody is signed in. */
    Account session() throws ServerFailure;

    /** The backup, or null when there is none; a Stored with a null body when its ETag is still {@code knownEtag}. */
    Stored get(String knownEtag) throws ServerFailure;

    /** The backup, or null, read to restore or merge it: the server records that in the account's activity. */
    Stored getToRestore() throws ServerFailure;

    /** Writes over the backup with {@code etag} (null: there must be none); returns the new ETag. */
    String put(String envelopeJson, String etag) throws ServerFailure, Conflict;

    /**
     * A key rotation: writes over the backup with {@code etag} and deletes every earlier version, in one step. The
     * server wants a recent passkey sign-in for it (a REFUSED failure with code reauthentication_required).
     */
    String rotate(String envelopeJson, String etag) throws ServerFailure, Conflict;

    /** Deletes the backup and its history; false when there was none. */
    boolean delete() throws ServerFailure;
}
