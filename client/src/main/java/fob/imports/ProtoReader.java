package fob.imports;

import fob.text.Text;

/**
 * Reads protobuf's wire format: just enough for Google Authenticator's migration payload. Hand-written
 * because protobuf-java relies on reflection and Unsafe, which TeaVM does not offer.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private int position;
    private final int end;

    ProtoReader(byte[] data) {
        this(data, 0, data.length);
    }

    private ProtoReader(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    boolean hasMore() {
        return position < end;
    }

    /** The next field's tag: field number shifted left by 3, or'ed with its wire type. */
    int readTag() throws ImportException {
        long tag = readVarint();
        if (tag <= 0 || tag > Integer.MAX_VALUE) {
            throw new ImportException(Text.t("the data is corrupt (a bad field tag)"));
        }
        return (int) tag;
    }

    long readVarint() throws ImportException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new ImportException(Text.t("the data ends in the middle of a number"));
            }
            byte b = data[position++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ImportException(Text.t("the data is corrupt (a number is too long)"));
    }

    byte[] readBytes() throws ImportException {
        int length = readLength();
        byte[] bytes = new byte[length];
        System.arraycopy(data, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    String readString() throws ImportException {
        return new String(readBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    ProtoReader readMessage() throws ImportException {
        int length = readLength();
        ProtoReader message = new ProtoReader(data, position, position + length);
        position += length;
        return message;
    }

    void skip(int wireType) throws ImportException {
        switch (wireType) {
            case VARINT:
                readVarint();
                break;
            case FIXED64:
                advance(8);
                break;
            case LENGTH_DELIMITED:
                advance(readLength());
                break;
            case FIXED32:
                advance(4);
                break;
            default:
                throw new ImportException(Text.t("the data is corrupt (unknown wire type {0})", wireType));
        }
    }

    private int readLength() throws ImportException {
        long length = readVarint();
        if (length < 0 || length > end - position) {
            throw new ImportException(Text.t("the data ends before a field does (truncated?)"));
        }
        return (int) length;
    }

    private void advance(int count) throws ImportException {
        if (count > end - position) {
            throw new ImportException(Text.t("the data ends before a field does (truncated?)"));
        }
        position += count;
    }
}
