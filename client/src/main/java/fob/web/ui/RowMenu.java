package fob.web.ui;

import fob.menu.MenuKeys;
import fob.text.Text;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A row's "More actions" menu button (the WAI-ARIA APG "Menu Button" pattern). One menu element serves every row
 * and is built when it opens: a list of a thousand rows holds a thousand buttons, not five thousand. It lives
 * outside the rows, whose content-visibility would clip it. Keys are decided by {@link MenuKeys}.
 */
final class RowMenu {
    /** One menu item: its label, whether it can act now, and what it does. */
    static final class Item {
        final String label;
        final boolean enabled;
        final Runnable action;

        Item(String label, boolean enabled, Runnable action) {
            this.label = label;
            this.enabled = enabled;
            this.action = action;
        }
    }

    /** The items, asked for when the menu opens, so that they fit the row as it is then. */
    interface Items {
        List<Item> get();
    }

    private static final String MENU_ID = "row-menu";
    private static HTMLElement menu;
    private static RowMenu open;

    private final HTMLElement button;
    private final Items source;
    private List<Item> items = new ArrayList<>();
    private final List<HTMLElement> elements = new ArrayList<>();
    private int focused;

    private RowMenu(HTMLElement button, Items source) {
        this.button = button;
        this.source = source;
    }

    /** A "More actions" button for a row described by {@code describedBy}. */
    static HTMLElement button(String describedBy, Items items) {
        HTMLElement button = Dom.element("button", "more");
        button.setAttribute("type", "button");
        button.setAttribute("aria-label", Text.t("More actions"));
        button.setAttribute("aria-haspopup", "menu");
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-describedby", describedBy);
        // Decorative: the button's name is its aria-label.
        button.appendChild(Dom.text("span", null, "\u22ee"));
        RowMenu rowMenu = new RowMenu(button, items);
        Dom.onClick(button, () -> {
            if (open == rowMenu) {
                close(true);
            } else {
                rowMenu.open(0);
            }
        });
        button.addEventListener("keydown", (EventListener<KeyboardEvent>) event -> {
            int first = MenuKeys.opening(event.getKey(), rowMenu.source.get().size());
            if (first >= 0) {
                event.preventDefault();
                rowMenu.open(first);
            }
        });
        return button;
    }

    private void open(int index) {
        close(false);
        items = source.get();
        if (items.isEmpty()) {
            return;
        }
        HTMLElement container = menu();
        container.clear();
        elements.clear();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            HTMLElement element = Dom.element("button", null);
            element.setAttribute("type", "button");
            element.setAttribute("role", "menuitem");
            element.setAttribute("tabindex", "-1");
            element.setTextContent(item.label);
            if (!item.enabled) {
                element.setAttribute("aria-disabled", "true");
            }
            int at = i;
            Dom.onClick(element, () -> activate(at));
            container.appendChild(element);
            elements.add(element);
        }
        container.setAttribute("aria-label", Text.t("More actions"));
        open = this;
        button.setAttribute("aria-expanded", "true");
        button.setAttribute("aria-controls", MENU_ID);
        placeBelow(container, button);
        container.setHidden(false);
        focus(index);
    }

    private void focus(int index) {
        focused = index;
        elements.get(index).focus();
    }

    private void activate(int index) {
        Item item = items.get(index);
        if (!item.enabled) {
            return;
        }
        // The focus goes back to the button first: a dialog the action opens returns it there when it closes.
        close(true);
        item.action.run();
    }

    private void key(KeyboardEvent event) {
        List<String> labels = new ArrayList<>();
        for (Item item : items) {
            labels.add(item.label);
        }
        MenuKeys.Step step = MenuKeys.inMenu(event.getKey(), focused, labels);
        switch (step.effect) {
            case FOCUS:
                event.preventDefault();
                focus(step.index);
                break;
            case ACTIVATE:
                event.preventDefault();
                activate(step.index);
                break;
            case CLOSE:
                event.preventDefault();
                close(true);
                break;
            case CLOSE_AND_MOVE_ON:
                // The focus first goes back to the button, so that Tab moves on from the row, not from the menu.
                close(true);
                break;
            default:
                break;
        }
    }

    /** Closes the open menu, if any; {@code refocus}: the focus goes back to its button. */
    static void close(boolean refocus) {
        RowMenu was = open;
        if (was == null) {
            return;
        }
        open = null;
        menu.setHidden(true);
        menu.clear();
        was.button.setAttribute("aria-expanded", "false");
        was.button.removeAttribute("aria-controls");
        if (refocus) {
            was.button.focus();
        }
    }

    private static HTMLElement menu() {
        if (menu == null) {
            menu = Dom.element("div", "row-menu");
            menu.setAttribute("id", MENU_ID);
            menu.setAttribute("role", "menu");
            menu.setHidden(true);
            // In the page's main landmark, as all its content is; fixed in place, so outside the rows it belongs to.
            Dom.document().querySelector("main").appendChild(menu);
            menu.addEventListener("keydown", (EventListener<KeyboardEvent>) event -> {
                if (open != null) {
                    open.key(event);
                }
            });
            // A press anywhere else closes the menu; it follows its button when the page scrolls or resizes.
            Dom.document().addEventListener("pointerdown", (EventListener<Event>) event -> {
                if (open != null && !isInside(event, menu) && !isInside(event, open.button)) {
                    close(false);
                }
            }, true);
            EventListener<Event> follow = event -> {
                if (open != null) {
                    placeBelow(menu, open.button);
                }
            };
            Dom.window().addEventListener("scroll", follow, true);
            Dom.window().addEventListener("resize", follow);
        }
        return menu;
    }

    @JSBody(params = {"pointerEvent", "element"}, script = "return element.contains(pointerEvent.target);")
    private static native boolean isInside(Event pointerEvent, HTMLElement element);

    /** Under the button, its right edges aligned; above it when there is no room below. */
    @JSBody(params = {"menuElement", "buttonElement"}, script = "var r = buttonElement.getBoundingClientRect();"
            + " menuElement.style.right = Math.max(4, document.documentElement.clientWidth - r.right) + 'px';"
            + " menuElement.style.left = 'auto';"
            + " menuElement.hidden = false; var height = menuElement.offsetHeight;"
            + " var below = r.bottom + 4 + height <= window.innerHeight;"
            + " menuElement.style.top = (below ? r.bottom + 4 : Math.max(4, r.top - 4 - height)) + 'px';")
    private static native void placeBelow(HTMLElement menuElement, HTMLElement buttonElement);
}
