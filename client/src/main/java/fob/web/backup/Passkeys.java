package fob.web.backup;

import fob.sync.BackupServer;
import fob.sync.PasskeyCeremonies;
import fob.sync.PasskeyFailure;
import fob.sync.PasskeyKey;
import fob.sync.ServerApi;
import fob.sync.ServerFailure;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.js.WebAuthn;
import org.teavm.jso.core.JSPromise;

/**
 * The recovery account's passkey ceremonies with the browser's WebAuthn, each from the server's options to its
 * verification; what follows them is {@link fob.sync.RecoveryAccount}'s to decide.
 */
final class Passkeys implements PasskeyCeremonies {
    private final ServerApi api;

    Passkeys(ServerApi api) {
        this.api = api;
    }

    /**
     * Checked before the server is asked for options and the ceremony started: where {@code PublicKeyCredential} is
     * missing (WebKitGTK), starting one throws a ReferenceError, not a refusal (WebKitTest).
     */
    private static void requirePasskeys() throws PasskeyFailure {
        if (!WebAuthn.available()) {
            throw PasskeyFailure.unavailable();
        }
    }

    private static WebAuthn.Result run(JSPromise<WebAuthn.Result> ceremony) throws PasskeyFailure {
        try {
            return Promises.await(ceremony);
        } catch (JsFailure e) {
            throw PasskeyFailure.of(e.name(), e.getMessage());
        }
    }

    private static PasskeyKey key(WebAuthn.Result result) {
        return new PasskeyKey(result.getCredentialId().copyToJavaArray(),
                result.getPrf() == null ? null : result.getPrf().copyToJavaArray());
    }

    private static Ceremony ceremony(BackupServer.Account account, WebAuthn.Result result) {
        return new Ceremony(account, key(result));
    }

    @Override
    public Ceremony createAccount(String name) throws ServerFailure, PasskeyFailure {
        requirePasskeys();
        WebAuthn.Result result = run(WebAuthn.create(api.registrationOptions(name)));
        return ceremony(api.register(result.getJson()), result);
    }

    @Override
    public Ceremony signIn() throws ServerFailure, PasskeyFailure {
        requirePasskeys();
        WebAuthn.Result result = run(WebAuthn.get(api.signInOptions()));
        return ceremony(api.signIn(result.getJson()), result);
    }

    @Override
    public Ceremony reauthenticate() throws ServerFailure, PasskeyFailure {
        requirePasskeys();
        WebAuthn.Result result = run(WebAuthn.get(api.reauthenticationOptions()));
        return ceremony(api.signIn(result.getJson()), result);
    }

    @Override
    public PasskeyKey addPasskey() throws ServerFailure, PasskeyFailure {
        requirePasskeys();
        WebAuthn.Result result = run(WebAuthn.create(api.addPasskeyOptions()));
        api.addPasskey(result.getJson());
        return key(result);
    }
}
