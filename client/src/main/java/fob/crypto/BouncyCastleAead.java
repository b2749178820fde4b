package fob.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** {@link Aead} with BouncyCastle's lightweight API: the JVM's implementation and the reference one. */
public final class BouncyCastleAead implements Aead {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        try {
            return run(true, key, nonce, associatedData, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("encryption cannot fail", e);
        }
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] sealed) throws DecryptionException {
        try {
            return run(false, key, nonce, associatedData, sealed);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new DecryptionException();
        }
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData, byte[] input)
            throws InvalidCipherTextException {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, associatedData));
        byte[] output = new byte[gcm.getOutputSize(input.length)];
        int length = gcm.processBytes(input, 0, input.length, output, 0);
        length += gcm.doFinal(output, length);
        return length == output.length ? output : java.util.Arrays.copyOf(output, length);
    }

    @Override
    public byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(inputKey, salt, info));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return out;
    }

    @Override
    public byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
