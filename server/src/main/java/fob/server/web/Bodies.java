package fob.server.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies with a bound, so that an oversize request is refused before it is buffered whole. */
public final class Bodies {
    /**
     * An oversize body up to this much is read and dropped before the 413, so that its client, still sending,
     * reads the answer instead of a reset connection; a larger one has its connection closed at once.
     */
    private static final long DRAIN_BYTES = 1024 * 1024;

    private Bodies() {
    }

    public static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            if (declared - maxBytes <= DRAIN_BYTES) {
                drain(ctx);
            }
            throw tooLarge(maxBytes);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    drain(ctx);
                    throw tooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable_body", "The request body could not be read");
        }
    }

    private static void drain(Context ctx) {
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long dropped = 0;
            int read;
            while (dropped <= DRAIN_BYTES && (read = in.read(buffer)) != -1) {
                dropped += read;
            }
        } catch (IOException e) {
            // The client went away; the 413 goes nowhere, which is fine.
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new TooLargeException(maxBytes);
    }
}
