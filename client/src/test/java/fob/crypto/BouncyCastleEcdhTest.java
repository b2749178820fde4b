package fob.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BouncyCastleEcdhTest {
    @Test
    void bothSidesReachTheSameSecret() throws Exception {
        BouncyCastleEcdh ecdh = new BouncyCastleEcdh();
        EcKeyPair alice = ecdh.newKeyPair();
        EcKeyPair bob = ecdh.newKeyPair();
        assertArrayEquals(ecdh.sharedSecret(alice, bob.publicKey()), ecdh.sharedSecret(bob, alice.publicKey()));
    }

    @Test
    void aPointOffTheCurveIsRefusedAsAKey() {
        byte[] notOnCurve = new byte[65];
        notOnCurve[0] = 4;
        notOnCurve[64] = 1;
        EcKeyPair own = new BouncyCastleEcdh().newKeyPair();
        assertThrows(InvalidPointException.class, () -> new BouncyCastleEcdh().sharedSecret(own, notOnCurve));
    }
}
