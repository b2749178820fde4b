package fob.sync;

/**
 * When the page holds a live-sync stream ({@code GET /api/events}) and what it does with it: a stream while
 * Cloud backup is on and signed in and this tab leads the browser's Fob tabs, none otherwise; a pull on "ready"
 * (what was missed while not connected) and on every "backup" event; and, when the stream breaks, a new one
 * after 1, 2, 4 ... up to 60 seconds (the page's minute poll goes on meanwhile). One tab leads so that a
 * browser holds one stream, not one a tab: over HTTP/1.1 a browser keeps at most 6 connections to a host, and
 * streams from 6 tabs would leave none for anything else. The leader's pull stores the vault, which the other
 * tabs then reload. The page's adapter opens and closes the real EventSource and reports back; events from a
 * stream this has closed must not reach it.
 */
public final class LiveUpdates {
    public static final long MAX_BACKOFF_MILLIS = 60_000;

    /** The browser's side: one stream at a time. */
    public interface Stream {
        void open();

        void close();
    }

    /** One pending retry at a time. */
    public interface Timer {
        void after(long millis, Runnable task);

        void cancel();
    }

    /** Where the state is. */
    public enum State { OFF, CONNECTING, OPEN, WAITING }

    private final Stream stream;
    private final Timer timer;
    private final Runnable pull;
    private State state = State.OFF;
    private boolean wanted;
    private boolean backupOn;
    private boolean leader;
    private int failures;

    public LiveUpdates(Stream stream, Timer timer, Runnable pull) {
        this.stream = stream;
        this.timer = timer;
        this.pull = pull;
    }

    public State state() {
        return state;
    }

    /** Breaks in a row since the last stream that opened. */
    public int failures() {
        return failures;
    }

    /** The wait before the next stream after {@code failures} breaks in a row. */
    public static long backoffMillis(int failures) {
        if (failures <= 0) {
            return 0;
        }
        return Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(failures - 1, 16));
    }

    /** Whether Cloud backup is on and signed in. Called whenever that may have changed. */
    public void setBackupOn(boolean on) {
        backupOn = on;
        setWanted(backupOn && leader);
    }

    /** Whether this tab leads the browser's Fob tabs (it stays so until it closes). */
    public void setLeader(boolean leads) {
        leader = leads;
        setWanted(backupOn && leader);
    }

    private void setWanted(boolean wanted) {
        if (wanted == this.wanted) {
            return;
        }
        this.wanted = wanted;
        if (wanted) {
            failures = 0;
            connect();
        } else {
            if (state == State.CONNECTING || state == State.OPEN) {
                stream.close();
            }
            if (state == State.WAITING) {
                timer.cancel();
            }
            state = State.OFF;
        }
    }

    private void connect() {
        state = State.CONNECTING;
        stream.open();
    }

    public void opened() {
        if (state == State.CONNECTING) {
            state = State.OPEN;
            failures = 0;
        }
    }

    /** The stream broke (or could not open): it is closed, and another is tried after the backoff. */
    public void failed() {
        if (state != State.CONNECTING && state != State.OPEN) {
            return;
        }
        stream.close();
        failures++;
        state = State.WAITING;
        timer.after(backoffMillis(failures), this::retry);
    }

    private void retry() {
        if (state == State.WAITING) {
            connect();
        }
    }

    /** "ready" or "backup": the backup may have changed. */
    public void changed() {
        if (state == State.OPEN) {
            pull.run();
        }
    }
}
