package fob.menu;

import java.util.List;
import java.util.Locale;

/**
 * What a key does at a WAI-ARIA menu button and in its menu (the APG "Menu Button" pattern): which item takes the
 * focus, or whether the focused item acts or the menu closes.
 */
public final class MenuKeys {
    /** What follows a key press in the open menu. */
    public enum Effect {
        /** Focus the item at {@link Step#index}. */
        FOCUS,
        /** The focused item acts (and the menu closes). */
        ACTIVATE,
        /** The menu closes and the focus goes back to its button. */
        CLOSE,
        /** The menu closes and the focus moves on as the key would move it anyway (Tab). */
        CLOSE_AND_MOVE_ON,
        /** Nothing happens; the key is left to the browser. */
        NONE
    }

    /** One key's outcome. */
    public static final class Step {
        public final Effect effect;
        public final int index;

        Step(Effect effect, int index) {
            this.effect = effect;
            this.index = index;
        }
    }

    private MenuKeys() {
    }

    /**
     * The item to focus when {@code key} (a KeyboardEvent.key) is pressed on the closed menu's button: Enter, Space
     * and ArrowDown open it on the first item, ArrowUp on the last; -1 when the key does not open it.
     */
    public static int opening(String key, int count) {
        switch (key) {
            case "Enter":
            case " ":
            case "ArrowDown":
                return 0;
            case "ArrowUp":
                return count - 1;
            default:
                return -1;
        }
    }

    /** {@code key} pressed in the open menu, with item {@code index} of {@code labels} focused. */
    public static Step inMenu(String key, int index, List<String> labels) {
        int count = labels.size();
        switch (key) {
            case "ArrowDown":
                return new Step(Effect.FOCUS, (index + 1) % count);
            case "ArrowUp":
                return new Step(Effect.FOCUS, (index - 1 + count) % count);
            case "Home":
            case "PageUp":
                return new Step(Effect.FOCUS, 0);
            case "End":
            case "PageDown":
                return new Step(Effect.FOCUS, count - 1);
            case "Enter":
            case " ":
                return new Step(Effect.ACTIVATE, index);
            case "Escape":
                return new Step(Effect.CLOSE, index);
            case "Tab":
                return new Step(Effect.CLOSE_AND_MOVE_ON, index);
            default:
                return typeAhead(key, index, labels);
        }
    }

    /** A printable character focuses the next item whose label starts with it, after the focused one. */
    private static Step typeAhead(String key, int index, List<String> labels) {
        if (key.length() != 1 || key.trim().isEmpty()) {
            return new Step(Effect.NONE, index);
        }
        String wanted = key.toLowerCase(Locale.ROOT);
        for (int step = 1; step <= labels.size(); step++) {
            int candidate = (index + step) % labels.size();
            if (labels.get(candidate).toLowerCase(Locale.ROOT).startsWith(wanted)) {
                return new Step(Effect.FOCUS, candidate);
            }
        }
        return new Step(Effect.NONE, index);
    }
}
