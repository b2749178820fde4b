package fob.backup;

import fob.crypto.BouncyCastleEcdh;
import fob.crypto.EcKeyPair;
import fob.crypto.Ecdh;
import fob.crypto.InvalidPointException;

/** BouncyCastle's ECDH with fixed private keys in turn, in place of random ones: for the version-3 vector. */
final class FixedEcdh implements Ecdh {
    private final BouncyCastleEcdh real = new BouncyCastleEcdh();
    private int next;

    @Override
    public EcKeyPair newKeyPair() {
        return BouncyCastleEcdh.keyPair(BackupVector.range(10 + 40 * next++, 32));
    }

    @Override
    public byte[] sharedSecret(EcKeyPair own, byte[] peerPublic) throws InvalidPointException {
        return real.sharedSecret(own, peerPublic);
    }
}
