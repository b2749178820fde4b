package fob.web.ui;

import fob.icons.IconLook;
import fob.icons.IconShard;
import fob.vault.Account;
import fob.vault.AccountIcon;
import fob.web.Async;
import fob.web.js.Browser;
import fob.web.js.IconGraphics;
import fob.web.js.Promises;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Draws the icons of rows that come on screen: an own image at once, a set icon once its shard has arrived (each
 * shard fetched once per page, and cached by the service worker). Nothing is fetched at start, nor for rows never
 * seen.
 */
final class IconLoader {
    private final Map<Integer, JSObject> shards = new HashMap<>();
    private final Map<Integer, List<Runnable>> waiting = new HashMap<>();

    void show(AccountRow row) {
        if (row.iconAsked) {
            return;
        }
        row.iconAsked = true;
        Account account = row.account;
        HTMLElement avatar = row.avatar;
        if (account.icon().kind() == AccountIcon.Kind.IMAGE) {
            Async.run(() -> Promises.await(IconGraphics.drawImage(avatar, Int8Array.fromJavaArray(account.icon().png()))),
                    message -> { });
            return;
        }
        String slug = IconLook.slugToFind(account);
        if (slug != null) {
            drawSet(avatar, slug);
        }
    }

    /** The set's icon of this slug, once its shard is here; the avatar keeps its letter when the set has none. */
    void drawSet(HTMLElement avatar, String slug) {
        int shard = IconShard.of(slug);
        Runnable draw = () -> {
            JSObject entry = IconGraphics.entry(shards.get(shard), slug);
            if (entry != null) {
                String hex = IconGraphics.part(entry, 1);
                IconGraphics.drawSetIcon(avatar, IconGraphics.part(entry, 2), "#" + hex,
                        IconLook.needsDarkInk(hex) ? "#000" : "#fff");
            }
        };
        if (shards.containsKey(shard)) {
            draw.run();
            return;
        }
        List<Runnable> queue = waiting.get(shard);
        if (queue != null) {
            queue.add(draw);
            return;
        }
        List<Runnable> first = new ArrayList<>();
        first.add(draw);
        waiting.put(shard, first);
        String url = "/v/" + Browser.meta("fob-version") + "/" + IconShard.file(shard);
        // After the rendering that asked: the first codes show before any icon is fetched.
        Window.setTimeout(() -> Async.run(() -> {
            JSObject loaded = Promises.await(IconGraphics.fetchShard(url));
            shards.put(shard, loaded);
            for (Runnable each : waiting.remove(shard)) {
                each.run();
            }
        }, message -> waiting.remove(shard)), 0);
    }
}
