package fob.server.session;

import fob.server.store.ChangeFeed;
import fob.server.store.Session;
import fob.server.store.SessionBackups;
import fob.server.store.SessionBackups.SessionBackup;
import fob.server.store.SessionTokens;
import fob.server.web.ApiException;
import fob.server.web.Base64Url;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Signed-in browsers: a 256-bit random token in an HttpOnly, SameSite=Strict cookie (Secure and __Host- under
 * https), stored only as its SHA-256, with an idle and an absolute expiry.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofDays(14);
    public static final Duration ABSOLUTE = Duration.ofDays(90);
    /** How recent a passkey sign-in must be for what cannot be undone (passkeys, deletions, other sessions). */
    public static final Duration RECENT = Duration.ofMinutes(5);
    /** last_seen is written at most this often, so that reads do not become writes. */
    private static final long TOUCH_EVERY_MILLIS = Duration.ofMinutes(5).toMillis();

    private final SessionTokens tokens;
    private final ChangeFeed changes;
    private final boolean https;
    private final String cookieName;

    public Sessions(SessionTokens tokens, ChangeFeed changes, boolean https) {
        this.tokens = tokens;
        this.changes = changes;
        this.https = https;
        this.cookieName = https ? "__Host-fob_session" : "fob_session";
    }

    /**
     * Signs the browser in to the account with the passkey {@code credentialId}, replacing any session it had.
     * Returns the new session.
     */
    public Session start(Context ctx, String accountId, byte[] credentialId, long now) {
        current(ctx, now).ifPresent(old -> {
            tokens.deleteSession(old.tokenHash());
            ended(old.accountId());
        });
        byte[] token = Secrets.random(32);
        Session session = new Session(HexFormat.of().formatHex(Secrets.random(16)), Secrets.sha256(token),
                accountId, credentialId, DeviceLabel.of(ctx.header("User-Agent")), now, now, now);
        tokens.createSession(session);
        setCookie(ctx, Base64Url.encode(token), ABSOLUTE.toSeconds());
        return session;
    }

    /** The browser's valid session, if it has one. An expired session is deleted. */
    public Optional<Session> current(Context ctx, long now) {
        return current(ctx, now, tokens::findSession, found -> found);
    }

    /**
     * What {@code find} reads by the cookie's token hash, when the session in it ({@code session}) is valid: a read
     * that fetches the session together with what the request needs, in one query. An expired session is deleted.
     */
    private <T> Optional<T> current(Context ctx, long now, Function<byte[], Optional<T>> find,
            Function<T, Session> session) {
        String token = ctx.cookie(cookieName);
        byte[] raw = token == null ? null : Base64Url.decode(token);
        if (raw == null || raw.length != 32) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(raw);
        Optional<T> found = find.apply(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session signedIn = session.apply(found.get());
        if (expired(signedIn, now)) {
            tokens.deleteSession(hash);
            return Optional.empty();
        }
        if (now - signedIn.lastSeenAt() > TOUCH_EVERY_MILLIS) {
            tokens.touchSession(hash, now);
        }
        return found;
    }

    /** Whether the session with this token hash still exists and has not expired (without touching it). */
    public boolean isLive(byte[] tokenHash, long now) {
        return tokens.findSession(tokenHash).filter(session -> !expired(session, now)).isPresent();
    }

    private static boolean expired(Session session, long now) {
        return now - session.lastSeenAt() > IDLE.toMillis() || now - session.createdAt() > ABSOLUTE.toMillis();
    }

    public Session require(Context ctx, long now) {
        return current(ctx, now).orElseThrow(Sessions::notSignedIn);
    }

    /** The valid session with its account's current backup, read together, or 401 (see {@link SessionBackups}). */
    public SessionBackup requireWithBackup(Context ctx, long now, SessionBackups backups) {
        return current(ctx, now, backups::findSessionWithBackup, SessionBackup::session)
                .orElseThrow(Sessions::notSignedIn);
    }

    private static ApiException notSignedIn() {
        return new ApiException(401, "not_signed_in", "Sign in with your passkey first");
    }

    /**
     * A session whose passkey sign-in was within {@link #RECENT}: for adding or removing passkeys, deleting the
     * backup or its history, ending other sessions and rotating keys.
     */
    public Session requireRecent(Context ctx, long now) {
        Session session = require(ctx, now);
        if (now - session.authenticatedAt() > RECENT.toMillis()) {
            throw new ApiException(403, "reauthentication_required",
                    "For this change, sign in with your passkey again (it has been more than 5 minutes)");
        }
        return session;
    }

    public void end(Context ctx, long now) {
        current(ctx, now).ifPresent(session -> {
            tokens.deleteSession(session.tokenHash());
            ended(session.accountId());
        });
        setCookie(ctx, "", 0);
    }

    /**
     * Says that some of the account's sessions ended (whoever ended them), so that every server closes their
     * live-sync streams.
     */
    public void ended(String accountId) {
        changes.publishSessionsEnded(accountId);
    }

    private void setCookie(Context ctx, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", cookieName + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : ""));
    }
}
