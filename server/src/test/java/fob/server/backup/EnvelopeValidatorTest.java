package fob.server.backup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.server.testing.Envelopes;
import fob.server.web.Base64Url;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Version 5's anchored sealed slots (docs/formats.md, "The backup envelope"). */
class EnvelopeValidatorTest {
    private static byte[] point() {
        byte[] point = new byte[65];
        point[0] = 4;
        return point;
    }

    /** A header with a lineage, a recovery-code slot and a sealed passkey slot (the third). */
    private static ObjectNode sealedHeader() {
        ObjectNode header = Envelopes.header();
        header.put("lineage", Base64Url.encode(new byte[16]));
        header.withArray("slots").addObject().put("type", "passkey-sealed")
                .put("credentialId", Base64Url.encode(new byte[16])).put("publicKey", Base64Url.encode(point()))
                .put("ephemeralKey", Base64Url.encode(point())).put("privateKeyNonce", Base64Url.encode(new byte[12]))
                .put("wrappedPrivateKey", Base64Url.encode(new byte[48])).put("nonce", Base64Url.encode(new byte[12]))
                .put("wrappedKey", Base64Url.encode(new byte[48]));
        return header;
    }

    private static ObjectNode sealedSlot(ObjectNode header) {
        return (ObjectNode) header.path("slots").get(2);
    }

    private static ObjectNode anchored(ObjectNode header, int nonceBytes, int anchorBytes) {
        sealedSlot(header).put("anchorNonce", Base64Url.encode(new byte[nonceBytes]))
                .put("anchor", Base64Url.encode(new byte[anchorBytes]));
        return header;
    }

    private static byte[] envelope(ObjectNode header, int version) {
        return Envelopes.envelope(header, 100).put("fob", version).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void version5IsReadAsVersion4() {
        assertDoesNotThrow(() -> EnvelopeValidator.check(envelope(sealedHeader(), 5)));
        assertDoesNotThrow(() -> EnvelopeValidator.check(envelope(Envelopes.header(), 5)));
        InvalidEnvelopeException six = assertThrows(InvalidEnvelopeException.class,
                () -> EnvelopeValidator.check(envelope(sealedHeader(), 6)));
        assertTrue(six.getMessage().contains("1, 2, 3, 4 or 5"), six.getMessage());
    }

    @Test
    void aVersion5SealedSlotMayCarryAnAnchor() {
        assertDoesNotThrow(() -> EnvelopeValidator.check(envelope(anchored(sealedHeader(), 12, 48), 5)));
    }

    @Test
    void anAnchorNeedsItsNonceAndTheRightSizes() {
        ObjectNode anchorOnly = sealedHeader();
        sealedSlot(anchorOnly).put("anchor", Base64Url.encode(new byte[48]));
        ObjectNode nonceOnly = sealedHeader();
        sealedSlot(nonceOnly).put("anchorNonce", Base64Url.encode(new byte[12]));
        ObjectNode notText = anchored(sealedHeader(), 12, 48);
        sealedSlot(notText).put("anchor", 48);
        for (ObjectNode header : new ObjectNode[] {anchorOnly, nonceOnly, notText, anchored(sealedHeader(), 11, 48),
                anchored(sealedHeader(), 12, 32), anchored(sealedHeader(), 12, 49)}) {
            assertThrows(InvalidEnvelopeException.class, () -> EnvelopeValidator.check(envelope(header, 5)),
                    header.toString());
        }
    }

    /** Versions 1 to 4 have no anchors: a reader of those versions would drop them unread. */
    @Test
    void anchorsBeforeVersion5AreRefused() {
        for (int version = 3; version <= 4; version++) {
            int v = version;
            InvalidEnvelopeException e = assertThrows(InvalidEnvelopeException.class,
                    () -> EnvelopeValidator.check(envelope(anchored(sealedHeader(), 12, 48), v)));
            assertTrue(e.getMessage().contains("anchor"), e.getMessage());
            assertDoesNotThrow(() -> EnvelopeValidator.check(envelope(sealedHeader(), v)));
        }
    }
}
