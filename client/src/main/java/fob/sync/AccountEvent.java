package fob.sync;

import fob.text.Text;
import java.util.function.LongFunction;

/** One event of the recovery account's activity, as the server recorded it (docs/api.md, "Activity"). */
public final class AccountEvent {
    public final long at;
    public final String kind;
    public final String address;
    public final String detail;

    AccountEvent(long at, String kind, String address, String detail) {
        this.at = at;
        this.kind = kind;
        this.address = address;
        this.detail = detail;
    }

    /** The line the activity list shows, with its time written by {@code date}. */
    public String describe(LongFunction<String> date) {
        return Text.t("{0}: {1} (from {2})", date.apply(at), what(), address);
    }

    /** The event in words; a kind this page does not know yet shows as the server named it. */
    String what() {
        String more = detail.isEmpty() ? "" : ", " + detail;
        switch (kind) {
            case "account_created":
                return Text.t("Recovery account created") + more;
            case "sign_in":
                return Text.t("Signed in") + more;
            case "sign_out":
                return Text.t("Signed out") + more;
            case "passkey_added":
                return Text.t("Passkey added") + more;
            case "passkey_removed":
                return Text.t("Passkey removed") + more;
            case "backup_written":
                return Text.t("Backup written") + more;
            case "backup_deleted":
                return Text.t("Backup deleted") + more;
            case "backup_read_to_restore":
                return Text.t("Backup downloaded to restore or merge") + more;
            case "version_read_to_restore":
                return Text.t("Earlier version downloaded to restore") + more;
            case "history_deleted":
                return Text.t("Backup history deleted") + more;
            case "keys_rotated":
                return Text.t("Keys rotated, earlier versions deleted") + more;
            case "session_ended":
                return Text.t("Device signed out") + more;
            case "device_renamed":
                return Text.t("Device renamed") + more;
            default:
                return kind + more;
        }
    }
}
