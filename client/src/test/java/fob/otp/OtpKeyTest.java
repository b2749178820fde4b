package fob.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** OtpKey's own SHA-1 and SHA-256 HMACs against BouncyCastle's, for keys of every length a vault allows. */
class OtpKeyTest {
    private static int reference(HashAlgorithm algorithm, byte[] key, long counter) {
        Digest digest = algorithm == HashAlgorithm.SHA1 ? new SHA1Digest()
                : algorithm == HashAlgorithm.SHA256 ? new SHA256Digest() : new SHA512Digest();
        HMac mac = new HMac(digest);
        mac.init(new KeyParameter(key));
        for (int shift = 56; shift >= 0; shift -= 8) {
            mac.update((byte) (counter >>> shift));
        }
        byte[] hash = new byte[mac.getMacSize()];
        mac.doFinal(hash, 0);
        int offset = hash[hash.length - 1] & 0x0f;
        return ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
    }

    @Test
    void agreesWithBouncyCastleForEveryKeyLengthAndManyCounters() {
        Random random = new Random(4226);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            for (int length = 1; length <= OtpParameters.MAX_SECRET_BYTES; length++) {
                byte[] key = new byte[length];
                random.nextBytes(key);
                OtpKey otpKey = new OtpKey(algorithm, key);
                for (long counter : new long[] {0, 1, 255, 256, 0xffffffffL, 0x100000000L, random.nextLong() >>> 1,
                    Long.MAX_VALUE, -1}) {
                    assertEquals(reference(algorithm, key, counter), otpKey.truncatedValue(counter),
                            algorithm + ", key of " + length + " bytes, counter " + counter);
                }
            }
        }
    }

    /** One key shared by several threads (its working space is the key's own) gives each the right value. */
    @Test
    void oneKeyUsedFromManyThreadsAtOnceStaysRight() throws Exception {
        byte[] secret = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            OtpKey shared = new OtpKey(algorithm, secret);
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.ConcurrentLinkedQueue<String> wrong = new java.util.concurrent.ConcurrentLinkedQueue<>();
            for (int t = 0; t < 4; t++) {
                int first = t * 5_000;
                Thread thread = new Thread(() -> {
                    for (long counter = first; counter < first + 5_000; counter++) {
                        if (shared.truncatedValue(counter) != reference(algorithm, secret, counter)) {
                            wrong.add(algorithm + " " + counter);
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(0, wrong.size(), "wrong values, such as " + wrong.stream().limit(5).toList());
        }
    }
}
