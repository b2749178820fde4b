package fob.otp;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * An account's HMAC, keyed once: the hash states after the key's inner and outer pads are kept, so a code
 * costs two compressions. SHA-1 and SHA-256 run here in int arithmetic, since a code's message is always 8
 * bytes and fits one block; BouncyCastle's digests count bytes in a long, which TeaVM compiles to a BigInt,
 * and that made a thousand codes in the page take 20 ms instead of 2. SHA-512 (64-bit words) uses BouncyCastle.
 */
public final class OtpKey {
    private static final int BLOCK = 64;

    private final HashAlgorithm algorithm;
    private final int[] inner;
    private final int[] outer;
    // Working space, kept: each array is an object and a typed array in TeaVM's JavaScript, and allocating six
    // per code for a thousand accounts made a refresh's garbage visible in its time.
    private final int[] state;
    private final int[] block = new int[16];
    private final int[] schedule = new int[80];
    private final HMac sha512;
    private final byte[] sha512Out;

    public OtpKey(HashAlgorithm algorithm, byte[] secret) {
        this.algorithm = algorithm;
        if (algorithm == HashAlgorithm.SHA512) {
            sha512 = new HMac(new SHA512Digest());
            sha512.init(new KeyParameter(secret));
            sha512Out = new byte[sha512.getMacSize()];
            inner = null;
            outer = null;
            state = null;
            return;
        }
        sha512 = null;
        sha512Out = null;
        byte[] key = secret;
        if (key.length > BLOCK) {
            Digest digest = algorithm == HashAlgorithm.SHA1 ? new SHA1Digest() : new SHA256Digest();
            digest.update(key, 0, key.length);
            key = new byte[digest.getDigestSize()];
            digest.doFinal(key, 0);
        }
        inner = initialState();
        outer = initialState();
        state = new int[inner.length];
        int[] innerBlock = new int[16];
        int[] outerBlock = new int[16];
        for (int i = 0; i < BLOCK; i++) {
            int b = i < key.length ? key[i] & 0xff : 0;
            innerBlock[i >> 2] |= (b ^ 0x36) << (24 - 8 * (i & 3));
            outerBlock[i >> 2] |= (b ^ 0x5c) << (24 - 8 * (i & 3));
        }
        compress(inner, innerBlock);
        compress(outer, outerBlock);
    }

    private int[] initialState() {
        return algorithm == HashAlgorithm.SHA1
                ? new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}
                : new int[] {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
                    0x5be0cd19};
    }

    /** RFC 4226 section 5.3: the 31-bit number dynamically truncated from HMAC(secret, counter). */
    public synchronized int truncatedValue(long counter) {
        int high = (int) (counter >>> 32);
        int low = (int) counter;
        if (sha512 != null) {
            byte[] message = {(byte) (high >>> 24), (byte) (high >>> 16), (byte) (high >>> 8), (byte) high,
                (byte) (low >>> 24), (byte) (low >>> 16), (byte) (low >>> 8), (byte) low};
            sha512.update(message, 0, 8);
            sha512.doFinal(sha512Out, 0);
            return truncate(sha512Out);
        }
        int[] block = this.block;
        int[] state = this.state;
        int words = state.length;
        // Inner hash: the 8-byte counter after the inner pad's block, padded, length (64 + 8) bytes in bits.
        block[0] = high;
        block[1] = low;
        block[2] = 0x80000000;
        for (int i = 3; i < 15; i++) {
            block[i] = 0;
        }
        block[15] = (BLOCK + 8) * 8;
        System.arraycopy(inner, 0, state, 0, words);
        compress(state, block);
        // Outer hash: the inner hash after the outer pad's block.
        System.arraycopy(state, 0, block, 0, words);
        block[words] = 0x80000000;
        for (int i = words + 1; i < 15; i++) {
            block[i] = 0;
        }
        block[15] = (BLOCK + words * 4) * 8;
        System.arraycopy(outer, 0, state, 0, words);
        compress(state, block);
        // Dynamic truncation over the big-endian bytes of the words.
        int offset = state[words - 1] & 0x0f;
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int index = offset + i;
            value = (value << 8) | ((state[index >> 2] >>> (24 - 8 * (index & 3))) & 0xff);
        }
        return value & 0x7fffffff;
    }

    private static int truncate(byte[] hash) {
        int offset = hash[hash.length - 1] & 0x0f;
        return ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
    }

    private void compress(int[] state, int[] block) {
        if (algorithm == HashAlgorithm.SHA1) {
            sha1(state, block);
        } else {
            sha256(state, block);
        }
    }

    private void sha1(int[] h, int[] block) {
        int[] w = schedule;
        System.arraycopy(block, 0, w, 0, 16);
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        for (int t = 0; t < 80; t++) {
            int f;
            int k;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5a827999;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ed9eba1;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8f1bbcdc;
            } else {
                f = b ^ c ^ d;
                k = 0xca62c1d6;
            }
            int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b, 30);
            b = a;
            a = temp;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
    }

    private static final int[] K256 = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private void sha256(int[] h, int[] block) {
        int[] w = schedule;
        System.arraycopy(block, 0, w, 0, 16);
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0];
        int b = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int t = 0; t < 64; t++) {
            int s1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int ch = (e & f) ^ (~e & g);
            int temp1 = hh + s1 + ch + K256[t] + w[t];
            int s0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int temp2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + temp1;
            d = c;
            c = b;
            b = a;
            a = temp1 + temp2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
