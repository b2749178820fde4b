package fob.server.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** How many appends of a given size the disk makes durable per second, one fdatasync each: the bound on writes. */
final class FsyncRate {
    private FsyncRate() {
    }

    static double measure(Path directory, int bytes) throws IOException {
        Path file = Files.createTempFile(directory, "fsync", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer block = ByteBuffer.allocateDirect(bytes);
            long warmUpEnd = System.nanoTime() + 500_000_000L;
            long end = warmUpEnd + 3_000_000_000L;
            long syncs = 0;
            long started = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (now >= warmUpEnd && started == 0) {
                    started = now;
                    syncs = 0;
                }
                block.clear();
                while (block.hasRemaining()) {
                    channel.write(block);
                }
                channel.force(false);
                syncs++;
            }
            return syncs / ((System.nanoTime() - started) / 1e9);
        } finally {
            Files.delete(file);
        }
    }
}
