package fob.kdf;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id (RFC 9106, version 0x13). Written for TeaVM's WebAssembly output rather than taken from
 * BouncyCastle: BouncyCastle's generator, compiled by TeaVM, took 2.1 times as long as hash-wasm in the same
 * Chromium (see docs/benchmarks.md); this one keeps the memory in one long[] and the compression function in
 * local variables. Its answers are pinned by RFC 9106's vector, by the reference implementation's, and by
 * BouncyCastle's own on random parameters (Argon2idTest). BLAKE2b, for the short hashes, is BouncyCastle's. Over
 * 400 lines because its round is written out in local variables, one line per step, for the speed it exists for.
 */
public final class Argon2id {
    public static final int MIN_MEMORY_KIB = 8;
    /** 1 GiB: beyond what a browser tab can be sure to get, and a bound on what a crafted file can ask for. */
    public static final int MAX_MEMORY_KIB = 1 << 20;
    public static final int MAX_ITERATIONS = 64;
    public static final int MAX_PARALLELISM = 16;

    private static final int BLOCK = 128;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;
    private static final int SYNC_POINTS = 4;

    public static byte[] derive(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism,
            int length) {
        return derive(password, salt, null, null, memoryKiB, iterations, parallelism, length);
    }

    /** With RFC 9106's optional secret value K and associated data X (null for none). */
    public static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, int length) {
        if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB || memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 memory must be from " + MIN_MEMORY_KIB + " KiB (and 8 KiB per"
                    + " lane) to " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2 iterations must be from 1 to " + MAX_ITERATIONS);
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2 parallelism must be from 1 to " + MAX_PARALLELISM);
        }
        if (salt == null || salt.length < 8) {
            throw new IllegalArgumentException("Argon2 needs a salt of at least 8 bytes");
        }
        if (length < 4 || length > 1024) {
            throw new IllegalArgumentException("Argon2 output must be from 4 to 1024 bytes");
        }
        byte[] secretValue = secret == null ? new byte[0] : secret;
        byte[] data = associatedData == null ? new byte[0] : associatedData;
        return new Argon2id(parallelism, memoryKiB, iterations).run(password, salt, secretValue, data, length);
    }

    private final int lanes;
    private final int memoryKiB;
    private final int blocks;
    private final int laneLength;
    private final int segmentLength;
    private final int passes;
    private final long[] memory;
    private final long[] r = new long[BLOCK];
    private final long[] tmp = new long[BLOCK];
    private final long[] address = new long[BLOCK];
    private final long[] input = new long[BLOCK];
    private final long[] zero = new long[BLOCK];

    private Argon2id(int lanes, int memoryKiB, int passes) {
        this.lanes = lanes;
        this.memoryKiB = memoryKiB;
        this.blocks = SYNC_POINTS * lanes * (memoryKiB / (SYNC_POINTS * lanes));
        this.laneLength = blocks / lanes;
        this.segmentLength = laneLength / SYNC_POINTS;
        this.passes = passes;
        this.memory = new long[blocks * BLOCK];
    }

    private byte[] run(byte[] password, byte[] salt, byte[] secret, byte[] data, int length) {
        byte[] h0 = initialHash(password, salt, secret, data, length);
        byte[] seed = new byte[72];
        System.arraycopy(h0, 0, seed, 0, 64);
        for (int lane = 0; lane < lanes; lane++) {
            for (int column = 0; column < 2; column++) {
                intLe(column, seed, 64);
                intLe(lane, seed, 68);
                byte[] block = variableHash(seed, 1024);
                int offset = (lane * laneLength + column) * BLOCK;
                for (int w = 0; w < BLOCK; w++) {
                    memory[offset + w] = longLe(block, w * 8);
                }
            }
        }
        for (int pass = 0; pass < passes; pass++) {
            for (int slice = 0; slice < SYNC_POINTS; slice++) {
                for (int lane = 0; lane < lanes; lane++) {
                    fillSegment(pass, lane, slice);
                }
            }
        }
        long[] last = new long[BLOCK];
        for (int lane = 0; lane < lanes; lane++) {
            int offset = (lane * laneLength + laneLength - 1) * BLOCK;
            for (int w = 0; w < BLOCK; w++) {
                last[w] ^= memory[offset + w];
            }
        }
        byte[] finalBlock = new byte[1024];
        for (int w = 0; w < BLOCK; w++) {
            longLe(last[w], finalBlock, w * 8);
        }
        return variableHash(finalBlock, length);
    }

    private byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] data, int length) {
        Blake2bDigest h = new Blake2bDigest(512);
        // m as requested, in KiB: RFC 9106 hashes that, not the rounded block count.
        int[] header = {lanes, length, memoryKiB, passes, VERSION, TYPE_ID};
        byte[] word = new byte[4];
        for (int value : header) {
            intLe(value, word, 0);
            h.update(word, 0, 4);
        }
        for (byte[] field : new byte[][] {password, salt, secret, data}) {
            intLe(field.length, word, 0);
            h.update(word, 0, 4);
            h.update(field, 0, field.length);
        }
        byte[] out = new byte[64];
        h.doFinal(out, 0);
        return out;
    }

    /** H' of RFC 9106 section 3.3: BLAKE2b stretched to {@code length} bytes. */
    private static byte[] variableHash(byte[] in, int length) {
        byte[] prefix = new byte[4];
        intLe(length, prefix, 0);
        byte[] out = new byte[length];
        if (length <= 64) {
            Blake2bDigest h = new Blake2bDigest(length * 8);
            h.update(prefix, 0, 4);
            h.update(in, 0, in.length);
            h.doFinal(out, 0);
            return out;
        }
        Blake2bDigest h = new Blake2bDigest(512);
        byte[] v = new byte[64];
        h.update(prefix, 0, 4);
        h.update(in, 0, in.length);
        h.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        int position = 32;
        int rounds = (length + 31) / 32 - 2;
        for (int i = 1; i < rounds; i++) {
            h.reset();
            h.update(v, 0, 64);
            h.doFinal(v, 0);
            System.arraycopy(v, 0, out, position, 32);
            position += 32;
        }
        int lastLength = length - 32 * rounds;
        Blake2bDigest last = new Blake2bDigest(lastLength * 8);
        last.update(v, 0, 64);
        byte[] tail = new byte[lastLength];
        last.doFinal(tail, 0);
        System.arraycopy(tail, 0, out, position, lastLength);
        return out;
    }

    private void fillSegment(int pass, int lane, int slice) {
        boolean independent = pass == 0 && slice < SYNC_POINTS / 2;
        int start = 0;
        if (independent) {
            java.util.Arrays.fill(input, 0);
            input[0] = pass;
            input[1] = lane;
            input[2] = slice;
            input[3] = blocks;
            input[4] = passes;
            input[5] = TYPE_ID;
        }
        if (pass == 0 && slice == 0) {
            start = 2;
            if (independent) {
                nextAddresses();
            }
        }
        int current = lane * laneLength + slice * segmentLength + start;
        int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        for (int index = start; index < segmentLength; index++, current++, previous++) {
            if (current % laneLength == 1) {
                previous = current - 1;
            }
            long pseudoRandom;
            if (independent) {
                if (index % BLOCK == 0) {
                    nextAddresses();
                }
                pseudoRandom = address[index % BLOCK];
            } else {
                pseudoRandom = memory[previous * BLOCK];
            }
            int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
            int refIndex = referenceIndex(pass, slice, index, pseudoRandom & 0xffffffffL, refLane == lane);
            int reference = refLane * laneLength + refIndex;
            compress(previous * BLOCK, reference * BLOCK, current * BLOCK, pass > 0);
        }
    }

    private void nextAddresses() {
        input[6]++;
        compressInto(zero, input, address);
        compressInto(zero, address, address);
    }

    /** RFC 9106 section 3.4.1.2: the reference block within the lane, from J1. */
    private int referenceIndex(int pass, int slice, int index, long j1, boolean sameLane) {
        long area;
        if (pass == 0) {
            area = sameLane ? (long) slice * segmentLength + index - 1
                    : (long) slice * segmentLength - (index == 0 ? 1 : 0);
        } else {
            area = sameLane ? (long) laneLength - segmentLength + index - 1
                    : (long) laneLength - segmentLength - (index == 0 ? 1 : 0);
        }
        long x = (j1 * j1) >>> 32;
        long y = (area * x) >>> 32;
        long relative = area - 1 - y;
        long startPosition = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segmentLength;
        return (int) ((startPosition + relative) % laneLength);
    }

    /** G(prev, ref) into current, XORed with the block it replaces after the first pass (version 0x13). */
    private void compress(int prev, int ref, int next, boolean withXor) {
        long[] m = memory;
        for (int w = 0; w < BLOCK; w++) {
            long value = m[prev + w] ^ m[ref + w];
            r[w] = value;
            tmp[w] = withXor ? value ^ m[next + w] : value;
        }
        permute(r);
        for (int w = 0; w < BLOCK; w++) {
            m[next + w] = tmp[w] ^ r[w];
        }
    }

    /** G(x, y) for the address blocks, whose inputs are not in the memory. */
    private void compressInto(long[] x, long[] y, long[] out) {
        for (int w = 0; w < BLOCK; w++) {
            r[w] = x[w] ^ y[w];
            tmp[w] = r[w];
        }
        permute(r);
        for (int w = 0; w < BLOCK; w++) {
            out[w] = tmp[w] ^ r[w];
        }
    }

    /** P on the eight rows, then on the eight columns, of the block seen as 8x8 16-byte registers. */
    private static void permute(long[] b) {
        for (int row = 0; row < 8; row++) {
            int o = row * 16;
            round(b, o, o + 1, o + 2, o + 3, o + 4, o + 5, o + 6, o + 7, o + 8, o + 9, o + 10, o + 11, o + 12, o + 13,
                    o + 14, o + 15);
        }
        for (int column = 0; column < 8; column++) {
            int o = column * 2;
            round(b, o, o + 1, o + 16, o + 17, o + 32, o + 33, o + 48, o + 49, o + 64, o + 65, o + 80, o + 81, o + 96,
                    o + 97, o + 112, o + 113);
        }
    }

    /**
     * BLAKE2b's round without message words, with Argon2's multiplications (RFC 9106 section 3.6). Rotations are
     * written as shifts: TeaVM compiles Long.rotateRight to a call, which this loop would make 100 million times.
     */
    private static void round(long[] b, int i0, int i1, int i2, int i3, int i4, int i5, int i6, int i7, int i8,
            int i9, int i10, int i11, int i12, int i13, int i14, int i15) {
        long v0 = b[i0];
        long v1 = b[i1];
        long v2 = b[i2];
        long v3 = b[i3];
        long v4 = b[i4];
        long v5 = b[i5];
        long v6 = b[i6];
        long v7 = b[i7];
        long v8 = b[i8];
        long v9 = b[i9];
        long v10 = b[i10];
        long v11 = b[i11];
        long v12 = b[i12];
        long v13 = b[i13];
        long v14 = b[i14];
        long v15 = b[i15];

        // GB(v0, v4, v8, v12)
        v0 = v0 + v4 + ((v0 & 0xffffffffL) * (v4 & 0xffffffffL) << 1);
        v12 = ((v12 ^ v0) >>> 32 | (v12 ^ v0) << 32);
        v8 = v8 + v12 + ((v8 & 0xffffffffL) * (v12 & 0xffffffffL) << 1);
        v4 = ((v4 ^ v8) >>> 24 | (v4 ^ v8) << 40);
        v0 = v0 + v4 + ((v0 & 0xffffffffL) * (v4 & 0xffffffffL) << 1);
        v12 = ((v12 ^ v0) >>> 16 | (v12 ^ v0) << 48);
        v8 = v8 + v12 + ((v8 & 0xffffffffL) * (v12 & 0xffffffffL) << 1);
        v4 = ((v4 ^ v8) >>> 63 | (v4 ^ v8) << 1);
        // GB(v1, v5, v9, v13)
        v1 = v1 + v5 + ((v1 & 0xffffffffL) * (v5 & 0xffffffffL) << 1);
        v13 = ((v13 ^ v1) >>> 32 | (v13 ^ v1) << 32);
        v9 = v9 + v13 + ((v9 & 0xffffffffL) * (v13 & 0xffffffffL) << 1);
        v5 = ((v5 ^ v9) >>> 24 | (v5 ^ v9) << 40);
        v1 = v1 + v5 + ((v1 & 0xffffffffL) * (v5 & 0xffffffffL) << 1);
        v13 = ((v13 ^ v1) >>> 16 | (v13 ^ v1) << 48);
        v9 = v9 + v13 + ((v9 & 0xffffffffL) * (v13 & 0xffffffffL) << 1);
        v5 = ((v5 ^ v9) >>> 63 | (v5 ^ v9) << 1);
        // GB(v2, v6, v10, v14)
        v2 = v2 + v6 + ((v2 & 0xffffffffL) * (v6 & 0xffffffffL) << 1);
        v14 = ((v14 ^ v2) >>> 32 | (v14 ^ v2) << 32);
        v10 = v10 + v14 + ((v10 & 0xffffffffL) * (v14 & 0xffffffffL) << 1);
        v6 = ((v6 ^ v10) >>> 24 | (v6 ^ v10) << 40);
        v2 = v2 + v6 + ((v2 & 0xffffffffL) * (v6 & 0xffffffffL) << 1);
        v14 = ((v14 ^ v2) >>> 16 | (v14 ^ v2) << 48);
        v10 = v10 + v14 + ((v10 & 0xffffffffL) * (v14 & 0xffffffffL) << 1);
        v6 = ((v6 ^ v10) >>> 63 | (v6 ^ v10) << 1);
        // GB(v3, v7, v11, v15)
        v3 = v3 + v7 + ((v3 & 0xffffffffL) * (v7 & 0xffffffffL) << 1);
        v15 = ((v15 ^ v3) >>> 32 | (v15 ^ v3) << 32);
        v11 = v11 + v15 + ((v11 & 0xffffffffL) * (v15 & 0xffffffffL) << 1);
        v7 = ((v7 ^ v11) >>> 24 | (v7 ^ v11) << 40);
        v3 = v3 + v7 + ((v3 & 0xffffffffL) * (v7 & 0xffffffffL) << 1);
        v15 = ((v15 ^ v3) >>> 16 | (v15 ^ v3) << 48);
        v11 = v11 + v15 + ((v11 & 0xffffffffL) * (v15 & 0xffffffffL) << 1);
        v7 = ((v7 ^ v11) >>> 63 | (v7 ^ v11) << 1);
        // GB(v0, v5, v10, v15)
        v0 = v0 + v5 + ((v0 & 0xffffffffL) * (v5 & 0xffffffffL) << 1);
        v15 = ((v15 ^ v0) >>> 32 | (v15 ^ v0) << 32);
        v10 = v10 + v15 + ((v10 & 0xffffffffL) * (v15 & 0xffffffffL) << 1);
        v5 = ((v5 ^ v10) >>> 24 | (v5 ^ v10) << 40);
        v0 = v0 + v5 + ((v0 & 0xffffffffL) * (v5 & 0xffffffffL) << 1);
        v15 = ((v15 ^ v0) >>> 16 | (v15 ^ v0) << 48);
        v10 = v10 + v15 + ((v10 & 0xffffffffL) * (v15 & 0xffffffffL) << 1);
        v5 = ((v5 ^ v10) >>> 63 | (v5 ^ v10) << 1);
        // GB(v1, v6, v11, v12)
        v1 = v1 + v6 + ((v1 & 0xffffffffL) * (v6 & 0xffffffffL) << 1);
        v12 = ((v12 ^ v1) >>> 32 | (v12 ^ v1) << 32);
        v11 = v11 + v12 + ((v11 & 0xffffffffL) * (v12 & 0xffffffffL) << 1);
        v6 = ((v6 ^ v11) >>> 24 | (v6 ^ v11) << 40);
        v1 = v1 + v6 + ((v1 & 0xffffffffL) * (v6 & 0xffffffffL) << 1);
        v12 = ((v12 ^ v1) >>> 16 | (v12 ^ v1) << 48);
        v11 = v11 + v12 + ((v11 & 0xffffffffL) * (v12 & 0xffffffffL) << 1);
        v6 = ((v6 ^ v11) >>> 63 | (v6 ^ v11) << 1);
        // GB(v2, v7, v8, v13)
        v2 = v2 + v7 + ((v2 & 0xffffffffL) * (v7 & 0xffffffffL) << 1);
        v13 = ((v13 ^ v2) >>> 32 | (v13 ^ v2) << 32);
        v8 = v8 + v13 + ((v8 & 0xffffffffL) * (v13 & 0xffffffffL) << 1);
        v7 = ((v7 ^ v8) >>> 24 | (v7 ^ v8) << 40);
        v2 = v2 + v7 + ((v2 & 0xffffffffL) * (v7 & 0xffffffffL) << 1);
        v13 = ((v13 ^ v2) >>> 16 | (v13 ^ v2) << 48);
        v8 = v8 + v13 + ((v8 & 0xffffffffL) * (v13 & 0xffffffffL) << 1);
        v7 = ((v7 ^ v8) >>> 63 | (v7 ^ v8) << 1);
        // GB(v3, v4, v9, v14)
        v3 = v3 + v4 + ((v3 & 0xffffffffL) * (v4 & 0xffffffffL) << 1);
        v14 = ((v14 ^ v3) >>> 32 | (v14 ^ v3) << 32);
        v9 = v9 + v14 + ((v9 & 0xffffffffL) * (v14 & 0xffffffffL) << 1);
        v4 = ((v4 ^ v9) >>> 24 | (v4 ^ v9) << 40);
        v3 = v3 + v4 + ((v3 & 0xffffffffL) * (v4 & 0xffffffffL) << 1);
        v14 = ((v14 ^ v3) >>> 16 | (v14 ^ v3) << 48);
        v9 = v9 + v14 + ((v9 & 0xffffffffL) * (v14 & 0xffffffffL) << 1);
        v4 = ((v4 ^ v9) >>> 63 | (v4 ^ v9) << 1);

        b[i0] = v0;
        b[i1] = v1;
        b[i2] = v2;
        b[i3] = v3;
        b[i4] = v4;
        b[i5] = v5;
        b[i6] = v6;
        b[i7] = v7;
        b[i8] = v8;
        b[i9] = v9;
        b[i10] = v10;
        b[i11] = v11;
        b[i12] = v12;
        b[i13] = v13;
        b[i14] = v14;
        b[i15] = v15;
    }

    private static void intLe(int value, byte[] out, int offset) {
        out[offset] = (byte) value;
        out[offset + 1] = (byte) (value >>> 8);
        out[offset + 2] = (byte) (value >>> 16);
        out[offset + 3] = (byte) (value >>> 24);
    }

    private static long longLe(byte[] in, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (in[offset + i] & 0xff);
        }
        return value;
    }

    private static void longLe(long value, byte[] out, int offset) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
