package fob.kdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idTest {
    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** RFC 9106 section 5.3: Argon2id with a secret and associated data, m=32 KiB, t=3, p=4. */
    @Test
    void rfc9106Vector() {
        byte[] tag = Argon2id.derive(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32, 3, 4, 32);
        assertArrayEquals(HexFormat.of().parseHex(
                "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
    }

    /**
     * Fob's export setting (m=64 MiB, t=3, p=1), against the reference implementation: Debian's argon2 command,
     * {@code printf password | argon2 somesaltsomesalt -id -t 3 -m 16 -p 1 -l 32 -r}.
     */
    @Test
    void referenceImplementationAtFobsSetting() {
        assertArrayEquals(HexFormat.of().parseHex("7664ad4ba1a3c999fcdd0991ffc2270f78302d2383233db5e7befc85d1bb1819"),
                Argon2id.derive(ascii("password"), ascii("somesaltsomesalt"), 65536, 3, 1, 32));
        assertArrayEquals(HexFormat.of().parseHex("9ef45bc4c5ac2be6ccc5b372a76b0be60e45b52f1707b217e027185321d73805"),
                Argon2id.derive(ascii("Fob test"), ascii("fob salt 16 byte"), 65536, 3, 1, 32));
    }

    /** The same answers as BouncyCastle's generator, over lanes, passes, sizes and lengths, short and long. */
    @Test
    void agreesWithBouncyCastleOnRandomParameters() {
        java.util.Random random = new java.util.Random(20261122);
        for (int run = 0; run < 40; run++) {
            int lanes = 1 + random.nextInt(4);
            int memory = 8 * lanes + random.nextInt(300);
            int passes = 1 + random.nextInt(4);
            int length = 4 + random.nextInt(run % 4 == 0 ? 300 : 64);
            byte[] password = new byte[random.nextInt(40)];
            byte[] salt = new byte[8 + random.nextInt(24)];
            random.nextBytes(password);
            random.nextBytes(salt);
            byte[] secret = run % 3 == 0 ? filled(5, run) : null;
            byte[] data = run % 5 == 0 ? filled(7, run) : null;
            org.bouncycastle.crypto.params.Argon2Parameters.Builder parameters =
                    new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                            org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                    .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
                    .withMemoryAsKB(memory).withIterations(passes).withParallelism(lanes);
            if (secret != null) {
                parameters.withSecret(secret);
            }
            if (data != null) {
                parameters.withAdditional(data);
            }
            org.bouncycastle.crypto.generators.Argon2BytesGenerator reference =
                    new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
            reference.init(parameters.build());
            byte[] expected = new byte[length];
            reference.generateBytes(password, expected);
            assertArrayEquals(expected, Argon2id.derive(password, salt, secret, data, memory, passes, lanes, length),
                    "m=" + memory + " t=" + passes + " p=" + lanes + " length=" + length);
        }
    }

    @Test
    void refusesParametersACraftedFileCouldUseToExhaustMemory() {
        assertThrows(IllegalArgumentException.class,
                () -> Argon2id.derive(ascii("p"), ascii("saltsalt"), Argon2id.MAX_MEMORY_KIB + 1, 1, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> Argon2id.derive(ascii("p"), ascii("saltsalt"), 64, 0, 1, 32));
        assertThrows(IllegalArgumentException.class, () -> Argon2id.derive(ascii("p"), ascii("salt"), 64, 1, 1, 32));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
