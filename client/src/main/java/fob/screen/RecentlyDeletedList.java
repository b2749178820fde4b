package fob.screen;

import fob.text.Text;
import fob.vault.Deleted;
import fob.vault.Vault;
import java.util.ArrayList;
import java.util.List;

/** "Recently deleted": a line per deleted account, newest first, with what can be done with it. */
public final class RecentlyDeletedList {
    private RecentlyDeletedList() {
    }

    /** One deleted account. */
    public static final class Line {
        private final Deleted deleted;

        Line(Deleted deleted) {
            this.deleted = deleted;
        }

        public String accountId() {
            return deleted.account().id();
        }

        /** The account's name as the page writes it. */
        public String name() {
            return Vault.describe(deleted.account());
        }

        public long deletedAt() {
            return deleted.deletedAt();
        }

        /** The line's text, with {@code when} the deletion's date and time as the page writes it. */
        public String text(String when) {
            return deleted.onAnotherDevice() ? Text.t("{0}, deleted {1} on another device", name(), when)
                    : Text.t("{0}, deleted {1}", name(), when);
        }

        /** Whether it offers "Delete for good": only what no backup holds waits for it (see {@link Deleted}). */
        public boolean offersDeleteForGood() {
            return deleted.keptUntilDeletedHere();
        }

        /** What "Delete for good?" asks. */
        public String deleteForGoodQuestion() {
            return Text.t("{0} is a work or school account whose secret is only on this device: backups hold no"
                    + " secret for it. Without it you may be unable to sign in.", name());
        }
    }

    public static List<Line> of(Vault vault) {
        List<Line> lines = new ArrayList<>();
        List<Deleted> deleted = vault.recentlyDeleted();
        for (int i = deleted.size() - 1; i >= 0; i--) {
            lines.add(new Line(deleted.get(i)));
        }
        return lines;
    }
}
