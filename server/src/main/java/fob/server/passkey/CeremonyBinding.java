package fob.server.passkey;

import fob.server.session.Secrets;
import fob.server.web.Base64Url;
import io.javalin.http.Context;
import java.time.Duration;

/**
 * Binds a ceremony's challenge to the browser that asked for it: options set (or keep) a random value in an
 * HttpOnly cookie, the challenge is stored with that value's SHA-256, and only a response that comes with the
 * same cookie can use it. A challenge seen elsewhere (logged, or phished into another browser) is useless.
 */
public final class CeremonyBinding {
    private static final Duration LIFETIME = Duration.ofDays(1);
    private final boolean https;
    private final String cookieName;

    public CeremonyBinding(boolean https) {
        this.https = https;
        this.cookieName = https ? "__Host-fob_ceremony" : "fob_ceremony";
    }

    private byte[] cookie(Context ctx) {
        String value = ctx.cookie(cookieName);
        byte[] raw = value == null ? null : Base64Url.decode(value);
        return raw != null && raw.length == 32 ? raw : null;
    }

    /**
     * This browser's binding, for a challenge about to be handed out. An existing cookie is kept, so that two
     * tabs can run ceremonies at once.
     */
    public byte[] issue(Context ctx) {
        byte[] raw = cookie(ctx);
        if (raw == null) {
            raw = Secrets.random(32);
        }
        ctx.res().addHeader("Set-Cookie", cookieName + "=" + Base64Url.encode(raw) + "; Path=/; Max-Age="
                + LIFETIME.toSeconds() + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
        return Secrets.sha256(raw);
    }

    /** The binding of the browser that sent a response. */
    public byte[] of(Context ctx) {
        byte[] raw = cookie(ctx);
        if (raw == null) {
            throw new CeremonyException(400, "ceremony_cookie_missing", "This browser did not send back the cookie"
                    + " that came with the passkey request; allow cookies for this site and start again");
        }
        return Secrets.sha256(raw);
    }
}
