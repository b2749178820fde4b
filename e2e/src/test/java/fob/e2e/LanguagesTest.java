package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import fob.e2e.support.BrowserTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 15: the page in the browser's language (German here), every string from the catalogue, dates written the
 * German way, the importers' messages from the worker too; the setting "Language" overrides the browser.
 */
class LanguagesTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    /** English words no German sentence of the page uses: one on screen means an untranslated string. */
    private static final Pattern ENGLISH_WORD = Pattern.compile(
            "\\b(the|your|and|with|this|not|is|to|of|from|deleted|account|accounts|backup|settings|cannot)\\b",
            Pattern.CASE_INSENSITIVE);
    /** What the page shows a reader: text of shown elements and their aria-label, placeholder, title and alt. */
    private static final String SHOWN_STRINGS = "var out = [];"
            + " var shown = function (e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)"
            + "  && getComputedStyle(e).visibility !== 'hidden'; };"
            + " var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + " for (var n = walker.nextNode(); n; n = walker.nextNode()) {"
            + "  var t = n.nodeValue.replace(/\\s+/g, ' ').trim();"
            + "  if (t && n.parentElement.closest('script, style, noscript') === null && shown(n.parentElement))"
            + " out.push(t); }"
            + " document.querySelectorAll('[aria-label], [placeholder], [title], [alt]').forEach(function (e) {"
            + "  if (!shown(e)) return;  ['aria-label', 'placeholder', 'title', 'alt'].forEach(function (a) {"
            + "   var v = e.getAttribute(a); if (v && v.trim()) out.push(v.replace(/\\s+/g, ' ').trim()); }); });"
            + " return out;";

    private Map<String, String> german;

    @Override
    protected String[] browserArguments() {
        return new String[] {"--lang=de-DE", "--accept-lang=de-DE,de"};
    }

    private Map<String, String> german() throws IOException {
        if (german == null) {
            german = new HashMap<>();
            try {
                JsonObject catalogue = JsonParser.object().from(Files.readString(Path.of("../static/i18n/de.json"),
                        StandardCharsets.UTF_8));
                catalogue.forEach((english, translated) -> german.put(english, (String) translated));
            } catch (JsonParserException e) {
                throw new IOException(e);
            }
        }
        return german;
    }

    /** Fails on any string shown in English: a catalogue key whose German differs, or an English word. */
    @SuppressWarnings("unchecked")
    private void assertNoEnglish(String where) throws IOException {
        List<String> english = new ArrayList<>();
        for (String shown : (List<String>) page.js(SHOWN_STRINGS)) {
            String translated = german().get(shown);
            boolean untranslatedKey = translated != null && !translated.equals(shown);
            String withoutOwnData = shown.replace("Deno", "").replace("Mason", "");
            if (untranslatedKey || ENGLISH_WORD.matcher(withoutOwnData).find()) {
                english.add(shown);
            }
        }
        assertEquals(List.of(), english, "English on the page (" + where + ")");
    }

    @Test
    void aGermanBrowserGetsEveryScreenInGerman() throws IOException {
        page.open();
        assertEquals("de", page.js("return document.documentElement.lang;"));
        assertNoEnglish("die leere Liste");

        page.button("Konto hinzufügen").click();
        WebElement add = page.dialog("Konto hinzufügen");
        assertNoEnglish("Konto hinzufügen");
        page.fill(add, "textbox", "otpauth-Link", DENO);
        page.button(add, "Aus Link hinzufügen").click();
        page.waitFor(() -> page.accounts().size() == 1);
        page.waitFor(() -> page.toast().equals("Deno (Mason) hinzugefügt."));
        assertNoEnglish("die Liste mit einem Konto");

        page.button("Neue Gruppe").click();
        WebElement group = page.dialog("Neue Gruppe");
        page.fill(group, "textbox", "Gruppenname", "Arbeit");
        page.button(group, "Gruppe speichern").click();
        page.waitFor(() -> page.toast().equals("Die Gruppe Arbeit wurde angelegt."));
        assertNoEnglish("die Liste mit einer Gruppe");

        page.account("Deno").button("Weitere Aktionen").click();
        assertNoEnglish("das Menü einer Zeile");
        page.byRole(page.byRole("menu", "Weitere Aktionen"), "menuitem", "Bearbeiten").click();
        WebElement edit = page.dialog("Konto bearbeiten");
        assertNoEnglish("Konto bearbeiten");
        page.button(edit, "Symbol wählen").click();
        WebElement icons = page.dialog("Symbol wählen");
        page.fill(icons, "searchbox", "Symbole durchsuchen", "git");
        page.waitFor(() -> page.js("return document.getElementById('icon-count').textContent;").toString()
                .matches("\\d+ Symbole passen.*"));
        assertNoEnglish("Symbol wählen");
        page.button(icons, "Abbrechen").click();
        page.button(edit, "Abbrechen").click();

        page.account("Deno").button("Weitere Aktionen").click();
        page.byRole(page.byRole("menu", "Weitere Aktionen"), "menuitem", "Löschen").click();
        WebElement confirm = page.dialog("Konto löschen?");
        assertNoEnglish("Konto löschen?");
        page.button(confirm, "Löschen").click();
        page.waitFor(() -> page.accounts().isEmpty());

        page.button("Einstellungen").click();
        WebElement settings = page.dialog("Einstellungen");
        assertNoEnglish("Einstellungen");

        page.button(settings, "Kürzlich gelöscht").click();
        WebElement deleted = page.dialog("Kürzlich gelöscht");
        String entry = page.waitFor(() -> page.byRole(deleted, "list", "Gelöschte Konten").getText());
        assertTrue(Pattern.compile("Deno \\(Mason\\), gelöscht \\d{1,2}\\.\\d{1,2}\\.\\d{4}, \\d{1,2}:\\d{2}:\\d{2}")
                .matcher(entry).find(), "a German date and time: " + entry);
        assertNoEnglish("Kürzlich gelöscht");
        page.button(deleted, "Schließen").click();

        page.button(settings, "Importieren").click();
        WebElement importing = page.dialog("Importieren");
        page.fill(importing, "textbox", "Zu importierender Text", "{\"weder\": \"noch\"}");
        page.button(importing, "Vorschau").click();
        // Read by the worker, which speaks the page's language too.
        page.waitFor(() -> page.alerts().stream().anyMatch(a -> a.startsWith("Fob erkennt dieses JSON nicht.")));
        assertNoEnglish("Importieren");
        page.button(importing, "Abbrechen").click();

        page.button(settings, "Exportieren").click();
        page.dialog("Exportieren");
        assertNoEnglish("Exportieren");
    }

    @Test
    void theLanguageSettingOverridesTheBrowsersAndIsKept() throws IOException {
        page.open();
        page.button("Einstellungen").click();
        Select language = new Select(page.byRole(page.dialog("Einstellungen"), "combobox", "Sprache"));
        assertEquals("Die Sprache des Browsers", language.getFirstSelectedOption().getText());
        language.selectByVisibleText("English");
        // The page reloads in its new language.
        page.waitFor(() -> "en".equals(page.js("return document.documentElement.lang;")));
        page.waitUntilReady();
        page.button("Settings").click();
        assertEquals("English", new Select(page.byRole(page.dialog("Settings"), "combobox", "Language"))
                .getFirstSelectedOption().getText());
        page.reload();
        assertEquals("en", page.js("return document.documentElement.lang;"));
        page.button("Add account");

        page.button("Settings").click();
        new Select(page.byRole(page.dialog("Settings"), "combobox", "Language")).selectByValue("fr");
        page.waitFor(() -> "fr".equals(page.js("return document.documentElement.lang;")));
        page.waitUntilReady();
        page.button("Ajouter un compte");
        page.button("Paramètres").click();
        new Select(page.byRole(page.dialog("Paramètres"), "combobox", "Langue")).selectByValue("");
        page.waitFor(() -> "de".equals(page.js("return document.documentElement.lang;")));
        page.waitUntilReady();
        page.button("Konto hinzufügen");
    }
}
