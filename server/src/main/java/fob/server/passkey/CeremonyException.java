package fob.server.passkey;

import fob.server.web.ApiException;

/**
 * A passkey ceremony that failed verification. The code names the failed check, one per kind of failure, as
 * webauthn4j's exceptions do; the response is 400 for malformed input and 401 for a failed verification.
 */
public class CeremonyException extends ApiException {
    public CeremonyException(int status, String code, String message) {
        super(status, code, message);
    }

    static CeremonyException malformed(String what) {
        return new CeremonyException(400, "malformed_credential", "The passkey response is malformed: " + what);
    }

    static CeremonyException failed(String code, String message) {
        return new CeremonyException(401, code, message);
    }
}
