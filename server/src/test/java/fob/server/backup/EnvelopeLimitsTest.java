package fob.server.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.backup.EnvelopeLimits;
import org.junit.jupiter.api.Test;

/** The server's validator and the client's reader agree on every limit of an envelope (docs/formats.md). */
class EnvelopeLimitsTest {
    @Test
    void theValidatorsLimitsAreTheClients() {
        assertEquals(EnvelopeLimits.MAX_SLOTS, EnvelopeValidator.MAX_SLOTS);
        assertEquals(EnvelopeLimits.NONCE_BYTES, EnvelopeValidator.NONCE);
        assertEquals(EnvelopeLimits.WRAPPED_KEY_BYTES, EnvelopeValidator.WRAPPED_KEY);
        assertEquals(EnvelopeLimits.TAG_BYTES, EnvelopeValidator.TAG);
        assertEquals(EnvelopeLimits.LINEAGE_BYTES, EnvelopeValidator.LINEAGE);
        assertEquals(EnvelopeLimits.MIN_CREDENTIAL_ID_BYTES, EnvelopeValidator.MIN_CREDENTIAL_ID);
        assertEquals(EnvelopeLimits.MAX_CREDENTIAL_ID_BYTES, EnvelopeValidator.MAX_CREDENTIAL_ID);
        assertEquals(EnvelopeLimits.RECOVERY_CODE_SALT_BYTES, EnvelopeValidator.RECOVERY_CODE_SALT);
        assertEquals(EnvelopeLimits.MIN_PASSWORD_SALT_BYTES, EnvelopeValidator.MIN_PASSWORD_SALT);
        assertEquals(EnvelopeLimits.MAX_PASSWORD_SALT_BYTES, EnvelopeValidator.MAX_PASSWORD_SALT);
        assertEquals(EnvelopeLimits.MIN_MEMORY_KIB, EnvelopeValidator.MIN_MEMORY_KIB);
        assertEquals(EnvelopeLimits.MAX_MEMORY_KIB, EnvelopeValidator.MAX_MEMORY_KIB);
        assertEquals(EnvelopeLimits.MAX_ITERATIONS, EnvelopeValidator.MAX_ITERATIONS);
        assertEquals(EnvelopeLimits.MAX_PARALLELISM, EnvelopeValidator.MAX_PARALLELISM);
        assertEquals(EnvelopeLimits.MAX_TYPE_LENGTH, EnvelopeValidator.MAX_TYPE_LENGTH);
        assertEquals(EnvelopeLimits.EC_PUBLIC_KEY_BYTES, EnvelopeValidator.EC_PUBLIC_KEY);
        assertEquals(EnvelopeLimits.WRAPPED_PRIVATE_KEY_BYTES, EnvelopeValidator.WRAPPED_PRIVATE_KEY);
        assertEquals(EnvelopeLimits.ANCHOR_BYTES, EnvelopeValidator.ANCHOR);
        assertEquals(fob.backup.Envelope.VERSION, EnvelopeValidator.NEWEST_VERSION);
        assertEquals(EnvelopeLimits.MAX_PREVIOUS_KEYS, EnvelopeValidator.MAX_PREVIOUS_KEYS);
    }

    /** What the client writes, the server accepts: the fixed vector of every version. */
    @Test
    void theClientsFixedVectorsPassTheValidator() throws Exception {
        for (int version = 1; version <= fob.backup.Envelope.VERSION; version++) {
            String vector = new String(getClass().getResourceAsStream("/fob/backup/vector-" + version + ".json")
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String envelope = fob.server.web.Json.MAPPER.readTree(vector).get("envelope").asString();
            EnvelopeValidator.check(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
