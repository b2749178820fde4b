package fob.web.backup;

import fob.text.Text;

/**
 * What a refusal of the server means, in the page's language. The server's own message (English, for API users)
 * is kept for codes the page does not know, and for the passkey checks, where it names what failed.
 */
final class ServerErrors {
    private ServerErrors() {
    }

    static String describe(String code, String serverMessage) {
        switch (code) {
            case "not_signed_in":
                return Text.t("You are signed out of your recovery account. Sign in with your passkey again.");
            case "reauthentication_required":
                return Text.t("For this, sign in with your passkey again.");
            case "rate_limited":
                return Text.t("Too many attempts. Wait a minute, then try again.");
            case "too_many_accounts":
                return Text.t("Too many recovery accounts were made from this network. Try again in an hour.");
            case "too_many_streams":
                return Text.t("This recovery account is open on too many devices and tabs at once. Close some, then"
                        + " try again.");
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
                return Text.t("The server has no more room for this recovery account's backups.");
            case "server_storage_full":
                return Text.t("The server has no room for more backups. Ask the people who run it.");
            case "challenge_expired":
            case "ceremony_cookie_missing":
                return Text.t("The passkey request took too long or was started elsewhere. Try again.");
            default:
                return serverMessage;
        }
    }
}
