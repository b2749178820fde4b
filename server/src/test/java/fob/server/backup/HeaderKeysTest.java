package fob.server.backup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Envelopes;
import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Whether a write changes the header's keys: its lineage, slots or key chain, compared as JSON values. */
class HeaderKeysTest {
    private static byte[] envelope(ObjectNode header) {
        return Envelopes.envelope(header, 100).put("fob", 4).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The header as other JSON text: the same values, fields in another order, spaces between them. */
    private static byte[] reordered(ObjectNode header) {
        StringBuilder json = new StringBuilder("{ ");
        for (String name : new String[] {"previousKeys", "slots", "lineage"}) {
            if (header.has(name)) {
                json.append(json.length() > 2 ? ", " : "").append('"').append(name).append("\" : ")
                        .append(header.get(name));
            }
        }
        json.append(" }");
        ObjectNode envelope = Envelopes.envelope(header, 100).put("fob", 4);
        envelope.put("header", Base64Url.encode(json.toString().getBytes(StandardCharsets.UTF_8)));
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode header() {
        ObjectNode header = Envelopes.header();
        header.put("lineage", Base64Url.encode(new byte[16]));
        return header;
    }

    @Test
    void theSameHeaderWithOtherCiphertextHasTheSameKeys() {
        ObjectNode header = header();
        assertTrue(HeaderKeys.same(envelope(header), envelope(header)));
        assertTrue(HeaderKeys.same(envelope(header), reordered(header)), "values are compared, not the text");
        byte[] version5 = Envelopes.envelope(header, 100).put("fob", 5).toString()
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(HeaderKeys.same(envelope(header), version5), "the envelope's version is not a key");
    }

    @Test
    void aChangedSlotLineageOrKeyChainIsAChange() {
        ObjectNode header = header();
        ObjectNode slot = header.deepCopy();
        ((ObjectNode) slot.path("slots").get(0)).put("wrappedKey", Base64Url.encode(new byte[48]));
        ObjectNode added = header.deepCopy();
        added.withArray("slots").add(header.path("slots").get(0).deepCopy());
        ObjectNode removed = header.deepCopy();
        removed.withArray("slots").remove(1);
        ObjectNode swapped = header.deepCopy();
        ArrayNode slots = swapped.putArray("slots");
        slots.add(header.path("slots").get(1)).add(header.path("slots").get(0));
        ObjectNode lineage = header.deepCopy();
        lineage.put("lineage", Base64Url.encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
        ObjectNode noLineage = header.deepCopy();
        noLineage.remove("lineage");
        ObjectNode chain = header.deepCopy();
        chain.putArray("previousKeys").addObject().put("nonce", Base64Url.encode(new byte[12]))
                .put("wrappedKey", Base64Url.encode(new byte[48]));
        ObjectNode longerChain = chain.deepCopy();
        longerChain.withArray("previousKeys").add(chain.path("previousKeys").get(0).deepCopy());
        for (ObjectNode changed : new ObjectNode[] {slot, added, removed, swapped, lineage, noLineage, chain}) {
            assertFalse(HeaderKeys.same(envelope(header), envelope(changed)), changed.toString());
            assertFalse(HeaderKeys.same(envelope(changed), envelope(header)), changed.toString());
        }
        assertFalse(HeaderKeys.same(envelope(chain), envelope(longerChain)));
        assertTrue(HeaderKeys.same(envelope(chain), reordered(chain)));
    }

    /** What cannot be read has no keys to compare: it counts as a change, and so needs the recent sign-in. */
    @Test
    void anUnreadableEnvelopeIsAChange() {
        byte[] good = envelope(header());
        ObjectNode badHeader = Json.object().put("fob", 4).put("header", Base64Url.encode("not json".getBytes()));
        for (byte[] bad : new byte[][] {"not json".getBytes(StandardCharsets.UTF_8), "[]".getBytes(),
                "{}".getBytes(), badHeader.toString().getBytes(StandardCharsets.UTF_8),
                Json.object().put("header", "!!").toString().getBytes(StandardCharsets.UTF_8)}) {
            assertFalse(HeaderKeys.same(good, bad));
            assertFalse(HeaderKeys.same(bad, good));
            assertFalse(HeaderKeys.same(bad, bad), "even against itself");
        }
        // The envelope naming "header" twice, with something after it, or with a header that is not text.
        String goodText = new String(good, StandardCharsets.UTF_8);
        ObjectNode other = header();
        other.put("lineage", Base64Url.encode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
        String otherHeader = new String(envelope(other), StandardCharsets.UTF_8).replaceAll(".*\"header\":(\"[^\"]*\").*", "$1");
        for (String bad : new String[] {"{\"header\":" + otherHeader + "," + goodText.substring(1), goodText + " {}",
                goodText.replaceFirst("\"header\":\"[^\"]*\"", "\"header\":{}")}) {
            byte[] badBytes = bad.getBytes(StandardCharsets.UTF_8);
            assertFalse(HeaderKeys.same(good, badBytes), bad);
            assertFalse(HeaderKeys.same(badBytes, good), bad);
        }
        // A header naming "slots" twice: one reader would take the first, another the last.
        ObjectNode header = header();
        String text = header.toString();
        String twice = "{\"slots\":" + Envelopes.header().path("slots") + "," + text.substring(1);
        ObjectNode duplicate = Envelopes.envelope(header, 100).put("fob", 4);
        duplicate.put("header", Base64Url.encode(twice.getBytes(StandardCharsets.UTF_8)));
        assertFalse(HeaderKeys.same(envelope(header), duplicate.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
