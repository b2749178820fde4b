package fob.e2e.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The meta and link tags of a page's head, as the server sends it (the page writes every attribute in quotes). */
public final class PageHead {
    private static final Pattern TAG = Pattern.compile("<(meta|link)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*\"([^\"]*)\"");

    private final List<Tag> tags;

    private PageHead(List<Tag> tags) {
        this.tags = tags;
    }

    /** A tag of the head: its name and its attributes, by lower-case name. */
    public record Tag(String name, Map<String, String> attributes) {
        public String get(String attribute) {
            return attributes.get(attribute);
        }
    }

    /** The tags between {@code <head>} and {@code </head>}, comments left out (a tag mentioned in one does not count). */
    public static PageHead of(String html) {
        int start = html.indexOf("<head>");
        int end = html.indexOf("</head>");
        if (start < 0 || end < start) {
            throw new AssertionError("the page has no head");
        }
        String head = html.substring(start, end).replaceAll("(?s)<!--.*?-->", "");
        List<Tag> tags = new ArrayList<>();
        Matcher tag = TAG.matcher(head);
        while (tag.find()) {
            Map<String, String> attributes = new HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                attributes.put(attribute.group(1).toLowerCase(), attribute.group(2));
            }
            tags.add(new Tag(tag.group(1).toLowerCase(), attributes));
        }
        return new PageHead(tags);
    }

    /** Every tag {@code <name key="value">}. */
    public List<Tag> all(String name, String key, String value) {
        return tags.stream().filter(t -> t.name().equals(name) && value.equals(t.get(key))).toList();
    }

    /** The one tag {@code <name key="value">}; none or several fail. */
    public Tag one(String name, String key, String value) {
        List<Tag> found = all(name, key, value);
        if (found.size() != 1) {
            throw new AssertionError("not one <" + name + " " + key + "=\"" + value + "\"> in the head: " + found);
        }
        return found.get(0);
    }

    /** The content of {@code <meta name="name">}. */
    public String meta(String name) {
        return one("meta", "name", name).get("content");
    }
}
