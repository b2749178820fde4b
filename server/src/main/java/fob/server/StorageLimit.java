package fob.server;

import fob.server.store.BackupQuota;
import fob.server.store.StorageUsage;
import fob.server.store.jdbc.Stores;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of backups all recovery accounts keep together ({@code FOB_STORAGE_MAX_BYTES}). Unset, it is worked
 * out at start so that backups cannot fill the disk the database lives on:
 * <ul>
 * <li>SQLite: what the backups already hold, plus what is free on the database file's disk, less a margin of a
 * tenth of the disk or 1 GiB, whichever is more (for the database's own pages, its write-ahead log, sessions
 * and activity, the logs, and whatever else shares the disk). Counting what is stored keeps the figure the
 * same from one start to the next as the backups take disk space.</li>
 * <li>PostgreSQL: the database's disk is not this machine's to see, so a fixed {@link #POSTGRESQL_DEFAULT}.</li>
 * </ul>
 * {@code unlimited} is no quota at all, only when the operator says so.
 */
public final class StorageLimit {
    private static final Logger LOG = LoggerFactory.getLogger(StorageLimit.class);
    /** {@code FOB_STORAGE_MAX_BYTES=unlimited}. */
    public static final long UNLIMITED = BackupQuota.UNLIMITED;
    /** The least room left free on the database's disk. */
    static final long MIN_MARGIN = 1L << 30;
    /**
     * 10 GiB: the default account quota's worst case (20 versions of 8 MiB, 160 MiB) for 64 accounts, and for
     * typical backups (tens of KiB; docs/benchmarks.md) 20 versions of several thousand accounts; small enough for
     * the smallest managed PostgreSQL plans' disks to hold beside the database's own needs.
     */
    public static final long POSTGRESQL_DEFAULT = 10L << 30;

    private StorageLimit() {
    }

    /** Free and total bytes of a disk. */
    public interface Disk {
        long usableBytes() throws IOException;

        long totalBytes() throws IOException;

        /** The disk {@code directory} is on. */
        static Disk of(Path directory) {
            return new Disk() {
                private FileStore store() throws IOException {
                    return Files.getFileStore(directory);
                }

                @Override
                public long usableBytes() throws IOException {
                    return store().getUsableSpace();
                }

                @Override
                public long totalBytes() throws IOException {
                    return store().getTotalSpace();
                }
            };
        }
    }

    /**
     * What the default is worked out from: the disk (null: the SQLite file's own) and the figure for a database
     * on another machine. Tests give their own, so that a small server's default is reached in a few writes.
     */
    public record Defaults(Disk disk, long postgresqlBytes) {
        public static final Defaults REAL = new Defaults(null, POSTGRESQL_DEFAULT);
    }

    /**
     * The bound for {@code config}, with what {@code usage} says is stored: the operator's figure,
     * {@link #UNLIMITED}, or the default.
     */
    public static long resolve(Config config, StorageUsage usage, Defaults defaults) {
        if (config.storageMaxBytes != Config.STORAGE_DEFAULT) {
            return config.storageMaxBytes;
        }
        Optional<Path> directory = Stores.sqliteDirectory(config.dbUrl);
        if (directory.isEmpty()) {
            LOG.info("Backups may keep {} bytes in all (FOB_STORAGE_MAX_BYTES unset: the fixed default for a"
                    + " database on another machine; set it to what your database's disk holds)",
                    defaults.postgresqlBytes());
            return defaults.postgresqlBytes();
        }
        Disk disk = defaults.disk() != null ? defaults.disk() : Disk.of(directory.get());
        long usable;
        long total;
        try {
            usable = disk.usableBytes();
            total = disk.totalBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot see how much room is left on the disk of " + directory.get()
                    + " (" + e.getMessage() + "); set FOB_STORAGE_MAX_BYTES to the bytes of backups to keep", e);
        }
        long margin = Math.max(total / 10, MIN_MARGIN);
        long stored = usage.storedBackupBytes();
        long limit = Math.max(0, stored + usable - margin);
        LOG.info("Backups may keep {} bytes in all (FOB_STORAGE_MAX_BYTES unset: the {} they hold, and the {} free"
                + " on the disk of {} less {} left free)", limit, stored, usable, directory.get(), margin);
        if (limit <= stored) {
            LOG.warn("The disk of {} has less than {} bytes free: backups can only replace earlier versions, and"
                    + " new ones are refused (507 server_storage_full) until there is room", directory.get(), margin);
        }
        return limit;
    }
}
