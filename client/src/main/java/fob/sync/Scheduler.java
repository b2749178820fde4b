package fob.sync;

/** Runs the core's work later: the page with timers and its own threads, the model test by its simulated clock. */
public interface Scheduler {
    /** Runs {@link BackupSync#upload} after {@code delayMillis}, replacing an upload already waiting. */
    void uploadIn(int delayMillis);

    /** Runs {@code task} soon, outside the caller (which may hold the vault's lock). */
    void soon(Runnable task);
}
