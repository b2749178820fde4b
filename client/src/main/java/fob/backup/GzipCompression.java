package fob.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip through java.util.zip: on the JVM, in the worker, and in the page where CompressionStream is missing. */
public final class GzipCompression implements Compression {
    public static final GzipCompression INSTANCE = new GzipCompression();

    private GzipCompression() {
    }

    @Override
    public byte[] compress(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    @Override
    public byte[] expand(byte[] gzip, int maxBytes) throws BackupException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(gzip.length * 4);
        byte[] buffer = new byte[16384];
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > maxBytes) {
                    throw Compression.tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw Compression.damaged();
        }
        return out.toByteArray();
    }
}
