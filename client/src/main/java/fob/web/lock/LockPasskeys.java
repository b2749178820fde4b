package fob.web.lock;

import fob.lock.LockPasskeyOptions;
import fob.lock.LockPasskeyWords;
import fob.web.backup.WebCryptoBackend;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.js.WebAuthn;
import java.util.List;

/** The app lock's passkey ceremonies, on this device alone (no server): each gives a credential and its PRF output. */
public final class LockPasskeys {
    /** What a ceremony gave. */
    public static final class Answer {
        public final byte[] credentialId;
        public final byte[] prf;

        Answer(byte[] credentialId, byte[] prf) {
            this.credentialId = credentialId;
            this.prf = prf;
        }
    }

    /** A ceremony that did not give what the lock needs; the message says what a person can do. */
    public static final class PasskeyException extends Exception {
        PasskeyException(String message) {
            super(message);
        }
    }

    private final WebCryptoBackend random = new WebCryptoBackend();

    /** A new passkey for this device's lock, with its PRF output (asked again by a sign-in where creation gave none). */
    public Answer create() throws PasskeyException {
        WebAuthn.Result created = run(() -> WebAuthn.create(LockPasskeyOptions.creation(random.random(32),
                random.random(16))));
        byte[] credentialId = created.getCredentialId().copyToJavaArray();
        if (created.getPrf() != null) {
            return new Answer(credentialId, created.getPrf().copyToJavaArray());
        }
        return get(List.of(credentialId));
    }

    /** A sign-in with one of {@code credentialIds} (any passkey of this site, with none) that gives its PRF output. */
    public Answer get(List<byte[]> credentialIds) throws PasskeyException {
        WebAuthn.Result result = run(() -> WebAuthn.get(LockPasskeyOptions.request(random.random(32),
                credentialIds)));
        if (result.getPrf() == null) {
            throw new PasskeyException(LockPasskeyWords.withoutPrf());
        }
        return new Answer(result.getCredentialId().copyToJavaArray(), result.getPrf().copyToJavaArray());
    }

    /**
     * The ceremony is started only once the browser is known to have passkeys: starting it where
     * {@code PublicKeyCredential} is missing (WebKitGTK) throws a ReferenceError, not a refusal (WebKitTest).
     */
    private static WebAuthn.Result run(java.util.function.Supplier<org.teavm.jso.core.JSPromise<WebAuthn.Result>>
            ceremony) throws PasskeyException {
        if (!WebAuthn.available()) {
            throw new PasskeyException(LockPasskeyWords.unavailable());
        }
        try {
            return Promises.await(ceremony.get());
        } catch (JsFailure e) {
            throw new PasskeyException(LockPasskeyWords.refused(e.name(), e.getMessage()));
        }
    }
}
