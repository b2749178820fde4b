package fob.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** {@link Ecdh} with BouncyCastle's lightweight API: the JVM's, and the reference one for the test vector. */
public final class BouncyCastleEcdh implements Ecdh {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public EcKeyPair newKeyPair() {
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, DOMAIN.getN().subtract(BigInteger.ONE), RANDOM);
        return keyPair(BigIntegers.asUnsignedByteArray(32, d));
    }

    /** The key pair of a given private scalar (the test vector's fixed keys). */
    public static EcKeyPair keyPair(byte[] privateKey) {
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("not a P-256 private key");
        }
        return new EcKeyPair(privateKey, DOMAIN.getG().multiply(d).normalize().getEncoded(false));
    }

    @Override
    public byte[] sharedSecret(EcKeyPair own, byte[] peerPublic) throws InvalidPointException {
        ECPoint peer;
        try {
            peer = CURVE.getCurve().decodePoint(peerPublic);
        } catch (IllegalArgumentException e) {
            throw new InvalidPointException();
        }
        if (peerPublic.length != 65 || peer.isInfinity() || !peer.isValid()) {
            throw new InvalidPointException();
        }
        ECPoint shared = peer.multiply(new BigInteger(1, own.privateKey())).normalize();
        if (shared.isInfinity()) {
            throw new InvalidPointException();
        }
        return BigIntegers.asUnsignedByteArray(32, shared.getAffineXCoord().toBigInteger());
    }
}
