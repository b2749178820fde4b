package fob.web.js;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;

/** The browser's side of languages: its preferred languages, catalogues, the page's own text, dates. */
public final class Languages {
    private Languages() {
    }

    /** Gives the text in the page's language, or the same text when the catalogue has none. */
    @JSFunctor
    public interface Translator extends JSObject {
        String translate(String english);
    }

    /** The person's languages in their order of preference ({@code navigator.languages}, else its one language). */
    public static List<String> preferred() {
        return new ArrayList<>(Arrays.asList(preferredTags()));
    }

    @JSBody(script = "var tags = navigator.languages && navigator.languages.length ? navigator.languages"
            + " : [navigator.language || 'en']; return tags.map(String);")
    private static native String[] preferredTags();

    /** The text of the catalogue at this URL. */
    public static String fetchCatalogue(String url) throws JsFailure {
        return Promises.await(fetchText(url)).stringValue();
    }

    @JSBody(params = "catalogueUrl", script = "return fetch(catalogueUrl).then(function (response) {"
            + " if (!response.ok) throw new Error('The page\\'s translations did not load (' + response.status + ')');"
            + " return response.text(); });")
    private static native JSPromise<JSString> fetchText(String catalogueUrl);

    /**
     * Translates the page's own markup: each text node and each aria-label, placeholder, title and alt, with
     * white space collapsed as a reader sees it, skipping what is marked {@code translate="no"}. CatalogueTest
     * reads index.html by these same rules.
     */
    @JSBody(params = {"pageTranslator", "pageLanguage"}, script = "document.documentElement.lang = pageLanguage;"
            + " var names = ['aria-label', 'placeholder', 'title', 'alt']; var visit = function (element) {  if"
            + " (element.getAttribute('translate') === 'no' || element.tagName === 'SCRIPT'      || element.tagName"
            + " === 'STYLE') return;  names.forEach(function (attributeName) {   var attributeValue ="
            + " element.getAttribute(attributeName);   if (attributeValue && attributeValue.trim()) {   "
            + " element.setAttribute(attributeName, pageTranslator(attributeValue.replace(/\\s+/g, ' ').trim())); }"
            + " });  for (var child = element.firstChild; child; child = child.nextSibling) {   if (child.nodeType ==="
            + " 1) { visit(child); }   else if (child.nodeType === 3) {    var shown ="
            + " child.nodeValue.replace(/\\s+/g, ' ');    var trimmed = shown.trim();    if (trimmed) {     var lead ="
            + " /^\\s/.test(shown) ? ' ' : ''; var trail = /\\s$/.test(shown) ? ' ' : '';     child.nodeValue = lead +"
            + " pageTranslator(trimmed) + trail; } } } }; visit(document.body);")
    public static native void translatePage(Translator pageTranslator, String pageLanguage);

    /** A date and time as people of this language write it. */
    @JSBody(params = {"epochMillis", "languageTag"}, script = "return new"
            + " Date(epochMillis).toLocaleString(languageTag);")
    public static native String dateTime(double epochMillis, String languageTag);
}
