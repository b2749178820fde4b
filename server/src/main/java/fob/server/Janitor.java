package fob.server;

import fob.server.session.Sessions;
import fob.server.store.Expiry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what has expired, every 10 minutes on a thread of its own: sessions past their idle or absolute
 * expiry, challenges, full rate-limit buckets, and activity older than {@code --activity-days}.
 */
final class Janitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Janitor.class);

    private final Expiry expiry;
    private final Duration activityKept;
    private final LongSupplier clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fob-janitor");
        thread.setDaemon(true);
        return thread;
    });

    Janitor(Expiry expiry, Duration activityKept, LongSupplier clock) {
        this.expiry = expiry;
        this.activityKept = activityKept;
        this.clock = clock;
    }

    void start() {
        thread.scheduleWithFixedDelay(this::run, 1, 10, TimeUnit.MINUTES);
    }

    /** Deletes what has expired now; a failure is logged, and the next run tries again. */
    void run() {
        long now = clock.getAsLong();
        try {
            expiry.purgeExpired(now - Sessions.IDLE.toMillis(), now - Sessions.ABSOLUTE.toMillis(), now);
            expiry.deleteActivityBefore(now - activityKept.toMillis());
        } catch (RuntimeException e) {
            LOG.warn("Could not purge expired sessions, challenges and activity: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
