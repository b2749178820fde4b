package fob.otp;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** The HMAC hash of an OTP account. BouncyCastle's lightweight API, since TeaVM has no javax.crypto. */
public enum HashAlgorithm {
    SHA1, SHA256, SHA512;

    /** Parses the name an otpauth link or export uses ("SHA1", "sha-256", ...), or returns null. */
    public static HashAlgorithm fromName(String name) {
        switch (name.trim().toUpperCase().replace("-", "")) {
            case "SHA1":
                return SHA1;
            case "SHA256":
                return SHA256;
            case "SHA512":
                return SHA512;
            default:
                return null;
        }
    }

    byte[] hmac(byte[] key, byte[] message) {
        HMac mac = new HMac(newDigest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private Digest newDigest() {
        switch (this) {
            case SHA256:
                return new SHA256Digest();
            case SHA512:
                return new SHA512Digest();
            default:
                return new SHA1Digest();
        }
    }
}
