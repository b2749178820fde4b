package fob.vault;

import fob.text.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** How the list is sorted: the person's own order, or by issuer, account name, or the code copied last. */
public enum SortOrder {
    MANUAL("manual", Text.key("Manual")),
    ISSUER("issuer", Text.key("Issuer")),
    ACCOUNT_NAME("name", Text.key("Account name")),
    RECENTLY_USED("recent", Text.key("Recently used"));

    private final String jsonName;
    private final String label;

    SortOrder(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    public String jsonName() {
        return jsonName;
    }

    /** What the select "Sort by" says. */
    public String label() {
        return Text.translate(label);
    }

    /** The order of this name; an unknown one (a newer Fob's) is the person's own order, which loses nothing. */
    public static SortOrder fromJsonName(String name) {
        for (SortOrder order : values()) {
            if (order.jsonName.equals(name)) {
                return order;
            }
        }
        return MANUAL;
    }

    /**
     * The accounts in this order. Sorting is stable: accounts alike (same issuer, never copied) keep the person's
     * order among themselves, so that the list does not shuffle.
     */
    public List<Account> sort(Vault vault) {
        List<Account> sorted = new ArrayList<>(vault.accounts());
        switch (this) {
            case ISSUER:
                sorted.sort(Comparator.comparing((Account a) -> a.issuer().toLowerCase())
                        .thenComparing(a -> a.name().toLowerCase()));
                break;
            case ACCOUNT_NAME:
                sorted.sort(Comparator.comparing((Account a) -> a.name().toLowerCase())
                        .thenComparing(a -> a.issuer().toLowerCase()));
                break;
            case RECENTLY_USED:
                Map<String, Long> used = vault.usedAt();
                sorted.sort(Comparator.comparing((Account a) -> -used.getOrDefault(a.id(), 0L)));
                break;
            default:
                break;
        }
        return sorted;
    }
}
