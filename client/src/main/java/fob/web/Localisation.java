package fob.web;

import fob.device.DevicePreferences;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Catalogue;
import fob.text.Language;
import fob.text.Text;
import fob.web.js.Browser;
import fob.web.js.JsFailure;
import fob.web.js.Languages;
import java.util.Collections;
import java.util.Map;

/** Puts the page in the person's language before anything else shows: the catalogue, then the page's markup. */
final class Localisation {
    private Localisation() {
    }

    /**
     * Loads the chosen language's catalogue and translates the page. A catalogue that does not load (never, once
     * the service worker holds it) leaves the page in English rather than not opening it.
     */
    static void start(DevicePreferences preferences) {
        Language language = Language.choose(preferences.language(), Languages.preferred());
        Map<String, String> catalogue = Collections.emptyMap();
        if (language != Language.ENGLISH) {
            try {
                catalogue = Catalogue.read(Json.parseObject(Languages.fetchCatalogue("/v/" + Browser.meta("fob-version")
                        + "/i18n/" + language.tag() + ".json")));
            } catch (JsFailure | JsonFormatException e) {
                Browser.logError(e.getMessage());
                language = Language.ENGLISH;
            }
        }
        Text.use(language, catalogue);
        if (language != Language.ENGLISH) {
            Languages.translatePage(english -> Text.translate(english), language.tag());
        }
    }
}
