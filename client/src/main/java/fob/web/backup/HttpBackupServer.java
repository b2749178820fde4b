package fob.web.backup;

import fob.sync.BackupServer;
import fob.sync.Conflict;
import fob.sync.ServerFailure;

/** The sync core's server, over HTTP: ServerApi's answers turned into the core's failures. */
final class HttpBackupServer implements BackupServer {
    private final ServerApi api;

    HttpBackupServer(ServerApi api) {
        this.api = api;
    }

    static ServerFailure failure(ServerException e) {
        if (e.isSignedOut()) {
            return ServerFailure.signedOut();
        }
        // 507 is a quota: trying again changes nothing until room is made, so it is a refusal, with its words.
        if (e.status() == 413) {
            return ServerFailure.tooLarge(e.limit(), e.getMessage());
        }
        ServerFailure.Kind kind = e.status() >= 500 && e.status() != 507 ? ServerFailure.Kind.FAILED
                : ServerFailure.Kind.REFUSED;
        return new ServerFailure(kind, e.code(), e.getMessage());
    }

    @Override
    public Account session() throws ServerFailure {
        try {
            return api.sessionAccount();
        } catch (OfflineException e) {
            throw ServerFailure.offline();
        } catch (ServerException e) {
            throw failure(e);
        }
    }

    @Override
    public Stored get(String knownEtag) throws ServerFailure {
        try {
            ServerApi.StoredBackup stored = api.backupIfChanged(knownEtag);
            return stored == null ? null : new Stored(stored.etag, stored.body);
        } catch (OfflineException e) {
            throw ServerFailure.offline();
        } catch (ServerException e) {
            throw failure(e);
        }
    }

    @Override
    public Stored getToRestore() throws ServerFailure {
        try {
            ServerApi.StoredBackup stored = api.backupToRestore();
            return stored == null ? null : new Stored(stored.etag, stored.body);
        } catch (OfflineException e) {
            throw ServerFailure.offline();
        } catch (ServerException e) {
            throw failure(e);
        }
    }

    /** A write that names the version it replaces. */
    private interface Write {
        String send() throws OfflineException, ServerException, ServerApi.PreconditionFailed;
    }

    @Override
    public String put(String envelopeJson, String etag) throws ServerFailure, Conflict {
        return write(() -> api.putBackup(envelopeJson, etag));
    }

    @Override
    public String rotate(String envelopeJson, String etag) throws ServerFailure, Conflict {
        return write(() -> api.rotateBackup(envelopeJson, etag));
    }

    private static String write(Write write) throws ServerFailure, Conflict {
        try {
            return write.send();
        } catch (ServerApi.PreconditionFailed e) {
            throw new Conflict();
        } catch (OfflineException e) {
            throw ServerFailure.offline();
        } catch (ServerException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean delete() throws ServerFailure {
        try {
            return api.deleteBackup();
        } catch (OfflineException e) {
            throw ServerFailure.offline();
        } catch (ServerException e) {
            throw failure(e);
        }
    }
}
