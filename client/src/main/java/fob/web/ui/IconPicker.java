package fob.web.ui;

import fob.screen.IconSearch;
import fob.text.Text;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.IconGraphics;
import fob.web.js.Promises;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/** "Choose icon": the set's icons by name (the list of names is fetched when the dialog first opens). */
final class IconPicker {
    /** Told the slug chosen. */
    interface Chosen {
        void chosen(String slug, String title);
    }

    private final HTMLElement dialog = Dom.byId("icon-dialog");
    private final HTMLInputElement search = Dom.byId("icon-search");
    private final HTMLElement results = Dom.byId("icon-results");
    private final IconLoader icons;
    private final List<IconSearch.Icon> titles = new ArrayList<>();
    private Chosen chosen;

    IconPicker(IconLoader icons) {
        this.icons = icons;
        search.addEventListener("input", (EventListener<Event>) event -> showMatches());
        Dom.onClick(Dom.byId("icon-cancel"), () -> Browser.closeDialog(dialog));
    }

    void open(String query, Chosen then) {
        chosen = then;
        search.setValue(query);
        Browser.showModal(dialog);
        search.focus();
        if (!titles.isEmpty()) {
            showMatches();
            return;
        }
        Dom.byId("icon-count").setTextContent(Text.t("Loading the icons…"));
        String url = "/v/" + Browser.meta("fob-version") + "/icons/set/titles.json";
        Async.run(() -> {
            JSObject list = Promises.await(IconGraphics.fetchShard(url));
            for (int i = 0; list != null && i < length(list); i++) {
                titles.add(new IconSearch.Icon(IconGraphics.part(at(list, i), 0), IconGraphics.part(at(list, i), 1)));
            }
            showMatches();
        }, message -> Dom.byId("icon-count").setTextContent(Text.t("The icons could not be loaded: {0}", message)));
    }

    private void showMatches() {
        IconSearch matches = IconSearch.of(titles, search.getValue());
        results.clear();
        for (IconSearch.Icon icon : matches.shown()) {
            HTMLElement item = Dom.element("li", null);
            HTMLElement button = Dom.element("button", null);
            button.setAttribute("type", "button");
            HTMLElement avatar = Dom.text("span", "avatar", icon.letter());
            avatar.setAttribute("aria-hidden", "true");
            avatar.getStyle().setProperty("background-color", "#5b6573");
            button.appendChild(avatar);
            button.appendChild(Dom.text("span", null, icon.title));
            Dom.onClick(button, () -> {
                Browser.closeDialog(dialog);
                chosen.chosen(icon.slug, icon.title);
            });
            item.appendChild(button);
            results.appendChild(item);
            icons.drawSet(avatar, icon.slug);
        }
        Dom.byId("icon-count").setTextContent(matches.count());
    }

    @JSBody(params = "list", script = "return list.length;")
    private static native int length(JSObject list);

    @JSBody(params = {"list", "index"}, script = "return list[index];")
    private static native JSObject at(JSObject list, int index);
}
