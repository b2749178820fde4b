package fob.server.account;

import fob.server.passkey.PasskeyLimits;
import fob.server.session.Sessions;
import fob.server.store.AccountDeletion;
import fob.server.store.Session;
import fob.server.web.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Deleting the recovery account: its passkeys, every session, its backups and their history, its activity and
 * what the rate limits keep about it. It cannot be undone, so it needs a passkey sign-in within 5 minutes.
 */
public final class AccountRoutes {
    private final AccountDeletion accounts;
    private final Sessions sessions;
    private final PasskeyLimits limits;
    private final LongSupplier clock;

    public AccountRoutes(AccountDeletion accounts, Sessions sessions, PasskeyLimits limits, LongSupplier clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.limits = limits;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.delete("/api/account", this::delete);
    }

    private void delete(Context ctx) {
        long now = clock.getAsLong();
        Session session = sessions.requireRecent(ctx, now);
        if (!accounts.deleteAccount(session.accountId(), List.of(limits.perAccount().bucket(session.accountId())))) {
            throw new ApiException(401, "not_signed_in", "The account no longer exists");
        }
        // The sessions went with the account: every server closes their streams, and this clears the cookie.
        sessions.ended(session.accountId());
        sessions.end(ctx, now);
        ctx.status(204);
    }
}
