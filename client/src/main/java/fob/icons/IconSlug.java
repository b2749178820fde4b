package fob.icons;

/**
 * The icon set's name for a service (simple-icons' {@code titleToSlug}): lower case, "+" as "plus", "." as "dot",
 * "&" as "and", accents dropped, and nothing but a-z and 0-9. An issuer ("GitHub", "Société Générale") becomes the
 * slug of its icon when the set has one.
 */
public final class IconSlug {
    // TeaVM's class library has no java.text.Normalizer: the accented Latin letters, and what they fold to.
    private static final String ACCENTED = "àáâãäåāăąçćĉċčďèéêëēĕėęěĝğġģĥìíîïĩīĭįĵķĺļľñńņňòóôõöōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž";
    private static final String FOLDED = "aaaaaaaaacccccdeeeeeeeeegggghiiiiiiiijklllnnnnoooooooorrrssssttuuuuuuuuuuwyyyzzz";

    private IconSlug() {
    }

    public static String of(String title) {
        String lower = title == null ? "" : title.toLowerCase();
        StringBuilder slug = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
                continue;
            }
            switch (c) {
                case '+': slug.append("plus"); break;
                case '.': slug.append("dot"); break;
                case '&': slug.append("and"); break;
                case 'đ': slug.append('d'); break;
                case 'ħ': slug.append('h'); break;
                case 'ı': slug.append('i'); break;
                case 'ĸ': slug.append('k'); break;
                case 'ŀ': case 'ł': slug.append('l'); break;
                case 'ß': slug.append("ss"); break;
                case 'ŧ': slug.append('t'); break;
                case 'ø': slug.append('o'); break;
                default:
                    int accented = ACCENTED.indexOf(c);
                    if (accented >= 0) {
                        slug.append(FOLDED.charAt(accented));
                    }
            }
        }
        return slug.toString();
    }
}
