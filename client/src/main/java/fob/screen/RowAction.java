package fob.screen;

import fob.text.Text;
import fob.vault.Account;
import java.util.ArrayList;
import java.util.List;

/** What a row's "More actions" menu offers besides copying the code. */
public enum RowAction {
    FINISH_SETUP(Text.key("Finish setup")),
    NEXT_CODE(Text.key("Next code")),
    EDIT(Text.key("Edit")),
    DELETE(Text.key("Delete")),
    MOVE_UP(Text.key("Move up")),
    MOVE_DOWN(Text.key("Move down"));

    private final String label;

    RowAction(String label) {
        this.label = label;
    }

    public String label() {
        return Text.translate(label);
    }

    /** What the page does for each action; {@link #apply} calls the one a chosen item stands for. */
    public interface Handler {
        void finishSetup(Account placeholder);

        void nextCode(Account account);

        void edit(Account account);

        void delete(Account account);

        /** Moves the account {@code offset} places: -1 up, 1 down. */
        void move(Account account, int offset);
    }

    /** Carries out this action on {@code account}. */
    public void apply(Handler handler, Account account) {
        switch (this) {
            case FINISH_SETUP -> handler.finishSetup(account);
            case NEXT_CODE -> handler.nextCode(account);
            case EDIT -> handler.edit(account);
            case DELETE -> handler.delete(account);
            case MOVE_UP -> handler.move(account, -1);
            default -> handler.move(account, 1);
        }
    }

    /** One item of the menu: its action, and whether it can act now (shown either way, so the menu stays put). */
    public static final class Item {
        public final RowAction action;
        public final boolean enabled;

        Item(RowAction action, boolean enabled) {
            this.action = action;
            this.enabled = enabled;
        }
    }

    /**
     * The menu of an account's row: "Finish setup" for a placeholder, "Next code" for an HOTP account, "Edit" and
     * "Delete", then in the person's own order "Move up" and "Move down" (off at the ends).
     */
    public static List<Item> menu(Account account, RowPlace place) {
        List<Item> items = new ArrayList<>();
        if (account.isPlaceholder()) {
            items.add(new Item(FINISH_SETUP, true));
        } else if (!account.otp().type().isTimeBased()) {
            items.add(new Item(NEXT_CODE, true));
        }
        items.add(new Item(EDIT, true));
        items.add(new Item(DELETE, true));
        if (place.movable()) {
            items.add(new Item(MOVE_UP, !place.first()));
            items.add(new Item(MOVE_DOWN, !place.last()));
        }
        return items;
    }
}
