package fob.sync;

import fob.text.Text;

/**
 * What a refusal of the server means, in the page's language. The server's own message (English, for API users)
 * is kept for codes the page does not know, and for the passkey checks, where it names what failed.
 */
final class ServerErrors {
    private ServerErrors() {
    }

    /** No answer came: no network, or the server is down. */
    static String offline() {
        return Text.t("Fob's server cannot be reached; check the connection");
    }

    /** {@code retryAfterSeconds}: the wait a 429 or 503 named in its Retry-After header, or -1. */
    static String describe(String code, String serverMessage, long retryAfterSeconds) {
        switch (code) {
            case "not_signed_in":
                return Text.t("You are signed out of your recovery account. Sign in with your passkey again.");
            case "reauthentication_required":
                return Text.t("For this, sign in with your passkey again.");
            case "other_account":
                return Text.t("That passkey belongs to another recovery account. Sign in with a passkey of this one;"
                        + " nothing was changed, and you are still signed in here.");
            case "rate_limited":
                return Text.t("Too many attempts; try again in {0}.", waitInWords(retryAfterSeconds));
            case "too_many_accounts":
                return Text.t("Too many new recovery accounts from this network; try again in {0}.",
                        waitInWords(retryAfterSeconds));
            case "server_signups_paused":
                return Text.t("This server is taking no new recovery accounts for now; try again in {0}.",
                        waitInWords(retryAfterSeconds));
            case "too_many_streams":
                return Text.t("This recovery account is open on too many devices and tabs at once. Close some, then"
                        + " try again.");
            case "too_many_streams_here":
                return Text.t("Too many devices on your network are connected to this server at once. Changes from"
                        + " your other devices still arrive within a minute.");
            case "server_busy":
                return Text.t("This server is busy. Changes from your other devices still arrive within a minute.");
            case "credential_exists":
                return Text.t("This passkey is already registered with this account");
            case "last_passkey":
                return Text.t("This is the recovery account's last passkey. Add another before you remove it.");
            case "unknown_passkey":
                return Text.t("This recovery account has no such passkey.");
            case "unknown_session":
                return Text.t("That device is no longer signed in.");
            case "no_backup":
                return Text.t("There is no backup yet.");
            case "no_such_version":
                return Text.t("That version is no longer in the backup's history.");
            case "account_storage_full":
                return Text.t("This backup is larger than this server keeps for one recovery account; your backup"
                        + " was not changed.");
            case "server_storage_full":
                return Text.t("This server has no room for more backups; your backup was not changed. Tell whoever"
                        + " runs it.");
            case "challenge_expired":
            case "ceremony_cookie_missing":
                return Text.t("The passkey request took too long or was started elsewhere. Try again.");
            default:
                return serverMessage;
        }
    }

    private static String waitInWords(long seconds) {
        if (seconds < 0) {
            return Text.t("a while");
        }
        if (seconds < 90) {
            return Text.count("{0} second", "{0} seconds", seconds);
        }
        return Text.count("{0} minute", "{0} minutes", (seconds + 59) / 60);
    }
}
