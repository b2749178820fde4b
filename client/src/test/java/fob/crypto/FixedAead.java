package fob.crypto;

/** BouncyCastle with a counter in place of randomness: the same inputs give the same envelope, for vectors. */
public final class FixedAead implements Aead {
    private final BouncyCastleAead real = new BouncyCastleAead();
    private int next;

    @Override
    public byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
        return real.seal(key, nonce, associatedData, plaintext);
    }

    @Override
    public byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] sealed) throws DecryptionException {
        return real.open(key, nonce, associatedData, sealed);
    }

    @Override
    public byte[] hkdf(byte[] inputKey, byte[] salt, byte[] info, int length) {
        return real.hkdf(inputKey, salt, info, length);
    }

    @Override
    public byte[] random(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (next++ * 7 + 3);
        }
        return bytes;
    }
}
