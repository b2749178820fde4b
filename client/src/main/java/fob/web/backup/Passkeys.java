package fob.web.backup;

import fob.sync.BackupServer;
import fob.sync.PasskeyKey;
import fob.text.Text;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.js.WebAuthn;

/** The passkey ceremonies, each from the server's options to its verification. */
public final class Passkeys {
    /** A verified ceremony: the account, the passkey used, and its PRF output (null if it gave none). */
    public static final class Ceremony {
        public final BackupServer.Account account;
        public final PasskeyKey key;

        Ceremony(BackupServer.Account account, byte[] credentialId, byte[] prf) {
            this.account = account;
            this.key = new PasskeyKey(credentialId, prf);
        }
    }

    private final ServerApi api;

    public Passkeys(ServerApi api) {
        this.api = api;
    }

    private static WebAuthn.Result run(org.teavm.jso.core.JSPromise<WebAuthn.Result> ceremony) throws ServerException {
        if (!WebAuthn.available()) {
            throw new ServerException(0, "no_passkeys", Text.t("This browser cannot use passkeys here"));
        }
        try {
            return Promises.await(ceremony);
        } catch (JsFailure e) {
            if ("NotAllowedError".equals(e.name()) || "AbortError".equals(e.name())) {
                throw new ServerException(0, "cancelled", Text.t("The passkey request was cancelled or timed out"));
            }
            if ("InvalidStateError".equals(e.name())) {
                throw new ServerException(0, "exists", Text.t("This passkey is already registered with this account"));
            }
            throw new ServerException(0, "passkey_failed", Text.t("The passkey could not be used ({0})",
                    e.getMessage()));
        }
    }

    private static Ceremony ceremony(BackupServer.Account account, WebAuthn.Result result) {
        return new Ceremony(account, result.getCredentialId().copyToJavaArray(),
                result.getPrf() == null ? null : result.getPrf().copyToJavaArray());
    }

    /** Creates a recovery account with a new passkey, and signs in to it. */
    public Ceremony createAccount(String name) throws OfflineException, ServerException {
        WebAuthn.Result result = run(WebAuthn.create(api.registrationOptions(name)));
        return ceremony(api.register(result.getJson()), result);
    }

    /** Signs in with any of the user's passkeys for Fob. */
    public Ceremony signIn() throws OfflineException, ServerException {
        WebAuthn.Result result = run(WebAuthn.get(api.signInOptions()));
        return ceremony(api.signIn(result.getJson()), result);
    }

    /**
     * Signs in again to {@code account}, the one signed in: only its passkeys are offered, and a verification that
     * comes back for any other account is refused here too, before anything is repeated.
     */
    public Ceremony reauthenticate(BackupServer.Account account) throws OfflineException, ServerException {
        WebAuthn.Result result = run(WebAuthn.get(api.reauthenticationOptions()));
        Ceremony ceremony = ceremony(api.signIn(result.getJson()), result);
        requireSameAccount(account, ceremony);
        return ceremony;
    }

    /** Refuses a ceremony that signed in to another recovery account than {@code account}. */
    static void requireSameAccount(BackupServer.Account account, Ceremony ceremony) throws ServerException {
        if (!ceremony.account.id.equals(account.id)) {
            throw new ServerException(403, "other_account", ServerErrors.describe("other_account", "", -1));
        }
    }

    /** Adds a passkey to the signed-in account (which needs a recent sign-in). */
    public Ceremony addPasskey(BackupServer.Account account) throws OfflineException, ServerException {
        WebAuthn.Result result = run(WebAuthn.create(api.addPasskeyOptions()));
        api.addPasskey(result.getJson());
        return ceremony(account, result);
    }
}
