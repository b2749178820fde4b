package fob.server.passkey;

import com.webauthn4j.data.AuthenticationData;
import fob.server.activity.Activity;
import fob.server.session.Secrets;
import fob.server.session.Sessions;
import fob.server.store.Account;
import fob.server.store.Challenge;
import fob.server.store.Challenges;
import fob.server.store.Passkey;
import fob.server.store.Passkeys;
import fob.server.store.RecoveryAccounts;
import fob.server.store.Session;
import fob.server.web.ApiException;
import fob.server.web.Base64Url;
import fob.server.web.ClientAddress;
import fob.server.web.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recovery accounts and their passkeys: create an account (with its first passkey), sign in, sign out, and
 * list, add and remove passkeys. Each verify step is explicit and each failure has its own error code.
 */
public final class PasskeyRoutes {
    public static final int MAX_NAME = 64;

    private final RecoveryAccounts accounts;
    private final Passkeys passkeys;
    private final Challenges challenges;
    private final RelyingParty relyingParty;
    private final Sessions sessions;
    private final Activity activity;
    private final PasskeyLimits limits;
    private final ClientAddress clientAddress;
    private final CeremonyBinding binding;
    private final LongSupplier clock;

    public PasskeyRoutes(RecoveryAccounts accounts, Passkeys passkeys, Challenges challenges,
            RelyingParty relyingParty, Sessions sessions, Activity activity, PasskeyLimits limits,
            ClientAddress clientAddress, CeremonyBinding binding, LongSupplier clock) {
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.challenges = challenges;
        this.relyingParty = relyingParty;
        this.sessions = sessions;
        this.activity = activity;
        this.limits = limits;
        this.clientAddress = clientAddress;
        this.binding = binding;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/register/options", this::registrationOptions);
        routes.post("/api/register/verify", this::registrationVerify);
        routes.post("/api/signin/options", this::signInOptions);
        routes.post("/api/signin/verify", this::signInVerify);
        routes.post("/api/signout", this::signOut);
        routes.get("/api/session", this::session);
        routes.get("/api/passkeys", this::listPasskeys);
        routes.post("/api/passkeys/options", this::addPasskeyOptions);
        routes.post("/api/passkeys", this::addPasskey);
        routes.delete("/api/passkeys/{id}", this::removePasskey);
    }

    private void limitAddress(Context ctx, long now) {
        limits.perAddress().take(clientAddress.keyOf(ctx), now);
    }

    private byte[] newChallenge(Context ctx, Challenge.Purpose purpose, String accountId, byte[] userHandle,
            String name, long now) {
        byte[] challenge = Secrets.random(32);
        challenges.saveChallenge(new Challenge(challenge, purpose, accountId, userHandle, name, binding.issue(ctx),
                now + RelyingParty.TIMEOUT_MILLIS));
        return challenge;
    }

    /**
     * Takes the challenge the response answers; a second use, a late one, or one handed to another browser
     * finds nothing.
     */
    private Challenge consume(Context ctx, ObjectNode response, Challenge.Purpose purpose, long now) {
        return challenges.consumeChallenge(RelyingParty.challengeOf(response), purpose, binding.of(ctx), now)
                .orElseThrow(() -> new CeremonyException(400, "challenge_expired",
                        "This passkey request expired, was already used, or was begun in another browser;"
                        + " start again"));
    }

    private static String checkedName(ObjectNode body) {
        JsonNode node = body.get("name");
        if (node == null || !node.isString()) {
            throw ApiException.badRequest("invalid_name", "Give the recovery account a name");
        }
        String name = node.asString().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("invalid_name", "The name must be 1 to " + MAX_NAME + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw ApiException.badRequest("invalid_name", "The name cannot hold control characters");
            }
        }
        return name;
    }

    private void registrationOptions(Context ctx) {
        long now = clock.getAsLong();
        limitAddress(ctx, now);
        String name = checkedName(Json.body(ctx, Json.MAX_CEREMONY_BYTES));
        // The quota is spent on the request, before the passkey prompt: refused after it, the person's
        // authenticator would keep a passkey for an account that was never made.
        limits.newAccounts().take(clientAddress.keyOf(ctx), now);
        // The server's own cap after the address's, so that one address past its quota spends none of everyone's.
        limits.signups().take(PasskeyLimits.EVERYONE, now);
        byte[] userHandle = Secrets.random(32);
        byte[] challenge = newChallenge(ctx, Challenge.Purpose.REGISTER, null, userHandle, name, now);
        Json.send(ctx, 200, relyingParty.creationOptions(challenge, userHandle, name, List.of()));
    }

    private void registrationVerify(Context ctx) {
        long now = clock.getAsLong();
        limitAddress(ctx, now);
        ObjectNode response = Json.body(ctx, Json.MAX_CEREMONY_BYTES);
        Challenge challenge = consume(ctx, response, Challenge.Purpose.REGISTER, now);
        VerifiedRegistration verified = relyingParty.verifyRegistration(response, challenge.value());
        refuseKnownCredential(verified.credentialId());
        Account account = new Account(HexFormat.of().formatHex(Secrets.random(16)), challenge.name(),
                challenge.userHandle(), now);
        accounts.createAccount(account, passkey(verified, account.id(), now));
        Session session = sessions.start(ctx, account.id(), verified.credentialId(), now);
        activity.record(account.id(), Activity.ACCOUNT_CREATED, ctx, "passkey " + shortId(verified.credentialId())
                + ", " + session.device());
        Json.send(ctx, 201, accountJson(account, now));
    }

    private void refuseKnownCredential(byte[] credentialId) {
        if (passkeys.findPasskey(credentialId).isPresent()) {
            throw new ApiException(409, "credential_exists", "This passkey is already registered");
        }
    }

    private static Passkey passkey(VerifiedRegistration v, String accountId, long now) {
        return new Passkey(v.credentialId(), accountId, v.attestedCredential(), v.signCount(), v.uvInitialized(),
                v.backupEligible(), v.backupState(), v.transports(), now, null);
    }

    /**
     * A sign-in's options: discoverable, for any account (how a person switches accounts), or, with
     * {@code "reauthenticate": true}, a re-authentication of the signed-in account: the options name that
     * account's passkeys, and the challenge is bound to the account, so that verifying it with another account's
     * passkey is refused (other_account) rather than switching accounts.
     */
    private void signInOptions(Context ctx) {
        long now = clock.getAsLong();
        limitAddress(ctx, now);
        ObjectNode body = Json.body(ctx, Json.MAX_CEREMONY_BYTES);
        JsonNode reauthenticate = body.get("reauthenticate");
        if (reauthenticate != null && !reauthenticate.isBoolean()) {
            throw ApiException.badRequest("malformed_json", "'reauthenticate' must be true or false");
        }
        if (reauthenticate == null || !reauthenticate.asBoolean()) {
            byte[] challenge = newChallenge(ctx, Challenge.Purpose.SIGN_IN, null, null, null, now);
            Json.send(ctx, 200, relyingParty.requestOptions(challenge, List.of()));
            return;
        }
        Account account = requireAccount(sessions.require(ctx, now));
        byte[] challenge = newChallenge(ctx, Challenge.Purpose.SIGN_IN, account.id(), null, null, now);
        Json.send(ctx, 200, relyingParty.requestOptions(challenge, passkeys.passkeys(account.id())));
    }

    private void signInVerify(Context ctx) {
        long now = clock.getAsLong();
        limitAddress(ctx, now);
        ObjectNode response = Json.body(ctx, Json.MAX_CEREMONY_BYTES);
        AuthenticationData data = relyingParty.parseSignIn(response);
        Challenge challenge = consume(ctx, response, Challenge.Purpose.SIGN_IN, now);
        Passkey passkey = passkeys.findPasskey(data.getCredentialId()).orElseThrow(() -> CeremonyException.failed(
                "unknown_credential", "This passkey is not registered with Fob (was it removed?)"));
        Account account = accounts.findAccount(passkey.accountId()).orElseThrow(() -> CeremonyException.failed(
                "unknown_credential", "This passkey's account no longer exists"));
        // A re-authentication's challenge names the signed-in account (signInOptions).
        String stayOn = challenge.accountId();
        // WebAuthn L3 7.2 step 6: a discoverable sign-in (no allowCredentials) must name its user; a
        // re-authentication named the account's passkeys, so the credential says whose it is. A user handle
        // that is there must be the credential's user's.
        if (data.getUserHandle() == null && stayOn == null) {
            throw CeremonyException.failed("user_handle_missing", "The passkey did not say which account it is for");
        }
        if (data.getUserHandle() != null && !Arrays.equals(data.getUserHandle(), account.userHandle())) {
            throw CeremonyException.failed("user_handle_mismatch", "The passkey names another account");
        }
        VerifiedSignIn verified = relyingParty.verifySignIn(data, challenge.value(), passkey);
        // Checked once the signature verified (only the passkey's holder learns whose it is), and before anything
        // is written: the other account's counter, its limits, this browser's session and the activity stay as
        // they were, so a re-authentication cannot become a switch to another account.
        if (stayOn != null && !stayOn.equals(account.id())) {
            throw new ApiException(403, "other_account",
                    "That passkey belongs to another recovery account; sign in with a passkey of this one");
        }
        // Only a verified signature spends the account's tokens: knowing a credential id is not enough to
        // throttle its owner.
        limits.perAccount().take(passkey.accountId(), now);
        // Step 22's counter check held for the counter as read; two sign-ins at once must not both pass it.
        if (!passkeys.recordPasskeyUse(passkey.credentialId(), passkey.signCount(), verified.signCount(),
                verified.backupState(), now)) {
            throw CeremonyException.failed("counter_regressed",
                    "The passkey's signature counter was used by another sign-in at the same moment: it may have"
                    + " been copied");
        }
        Session session = sessions.start(ctx, account.id(), passkey.credentialId(), now);
        activity.record(account.id(), Activity.SIGN_IN, ctx, "passkey " + shortId(passkey.credentialId()) + ", "
                + session.device());
        Json.send(ctx, 200, accountJson(account, now));
    }

    private void signOut(Context ctx) {
        long now = clock.getAsLong();
        sessions.current(ctx, now).ifPresent(session ->
                activity.record(session.accountId(), Activity.SIGN_OUT, ctx, session.device()));
        sessions.end(ctx, now);
        ctx.status(204);
    }

    /**
     * Every page asks at start, and most people are signed out: that is an answer, not a failure, so it is a 200
     * (a 401 would put an error in the browser's console on every visit).
     */
    private void session(Context ctx) {
        long now = clock.getAsLong();
        Optional<Session> session = sessions.current(ctx, now);
        Optional<Account> account = session.flatMap(current -> accounts.findAccount(current.accountId()));
        if (account.isEmpty()) {
            Json.send(ctx, 200, Json.object().put("signedIn", false));
            return;
        }
        ObjectNode body = accountJson(account.get(), session.get().authenticatedAt());
        body.put("signedIn", true);
        body.putObject("session").put("id", session.get().id()).put("device", session.get().device());
        Json.send(ctx, 200, body);
    }

    private Account requireAccount(Session session) {
        return accounts.findAccount(session.accountId()).orElseThrow(() -> new ApiException(401, "not_signed_in",
                "The account no longer exists"));
    }

    private static ObjectNode accountJson(Account account, long authenticatedAt) {
        ObjectNode body = Json.object();
        body.putObject("account").put("id", account.id()).put("name", account.name());
        body.put("authenticatedAt", authenticatedAt);
        return body;
    }

    private void listPasskeys(Context ctx) {
        Session session = sessions.require(ctx, clock.getAsLong());
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Passkey passkey : passkeys.passkeys(session.accountId())) {
            list.add(passkeyJson(passkey));
        }
        ObjectNode body = Json.object();
        body.set("passkeys", list);
        Json.send(ctx, 200, body);
    }

    private static ObjectNode passkeyJson(Passkey passkey) {
        ObjectNode json = Json.object();
        json.put("id", Base64Url.encode(passkey.credentialId()));
        json.put("createdAt", passkey.createdAt());
        if (passkey.lastUsedAt() != null) {
            json.put("lastUsedAt", passkey.lastUsedAt());
        } else {
            json.putNull("lastUsedAt");
        }
        json.put("backupEligible", passkey.backupEligible());
        json.put("backupState", passkey.backupState());
        ArrayNode transports = json.putArray("transports");
        for (String transport : passkey.transports().split(",")) {
            if (!transport.isEmpty()) {
                transports.add(transport);
            }
        }
        return json;
    }

    private void addPasskeyOptions(Context ctx) {
        long now = clock.getAsLong();
        Session session = sessions.requireRecent(ctx, now);
        limits.perAccount().take(session.accountId(), now);
        Json.body(ctx, Json.MAX_CEREMONY_BYTES);
        Account account = requireAccount(session);
        List<byte[]> existing = new ArrayList<>();
        for (Passkey passkey : passkeys.passkeys(account.id())) {
            existing.add(passkey.credentialId());
        }
        byte[] challenge = newChallenge(ctx, Challenge.Purpose.ADD_PASSKEY, account.id(), account.userHandle(),
                account.name(), now);
        Json.send(ctx, 200, relyingParty.creationOptions(challenge, account.userHandle(), account.name(), existing));
    }

    private void addPasskey(Context ctx) {
        long now = clock.getAsLong();
        Session session = sessions.requireRecent(ctx, now);
        limits.perAccount().take(session.accountId(), now);
        ObjectNode response = Json.body(ctx, Json.MAX_CEREMONY_BYTES);
        Challenge challenge = consume(ctx, response, Challenge.Purpose.ADD_PASSKEY, now);
        if (!session.accountId().equals(challenge.accountId())) {
            throw CeremonyException.failed("bad_challenge", "This passkey request was made for another account");
        }
        VerifiedRegistration verified = relyingParty.verifyRegistration(response, challenge.value());
        refuseKnownCredential(verified.credentialId());
        Passkey passkey = passkey(verified, session.accountId(), now);
        passkeys.addPasskey(passkey);
        activity.record(session.accountId(), Activity.PASSKEY_ADDED, ctx, "passkey "
                + shortId(verified.credentialId()));
        Json.send(ctx, 201, passkeyJson(passkey));
    }

    private void removePasskey(Context ctx) {
        long now = clock.getAsLong();
        Session session = sessions.requireRecent(ctx, now);
        byte[] credentialId = Base64Url.decode(ctx.pathParam("id"));
        Passkey passkey = credentialId == null ? null : passkeys.findPasskey(credentialId)
                .filter(p -> p.accountId().equals(session.accountId())).orElse(null);
        if (passkey == null) {
            throw new ApiException(404, "unknown_passkey", "This account has no such passkey");
        }
        if (!passkeys.removePasskey(session.accountId(), credentialId)) {
            throw new ApiException(409, "last_passkey",
                    "This is the account's only passkey; add another before removing it");
        }
        sessions.ended(session.accountId());
        activity.record(session.accountId(), Activity.PASSKEY_REMOVED, ctx, "passkey " + shortId(credentialId)
                + " and the devices it signed in");
        ctx.status(204);
    }

    /** Enough of a credential id to tell passkeys apart in the activity list. */
    private static String shortId(byte[] credentialId) {
        String id = Base64Url.encode(credentialId);
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
