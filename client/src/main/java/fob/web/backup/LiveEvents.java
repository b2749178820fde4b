package fob.web.backup;

import fob.sync.BackupSync;
import fob.sync.LiveUpdates;
import fob.web.js.EventStreams;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;

/**
 * The page's live-sync stream: {@link LiveUpdates} (where the decisions are) wired to an EventSource on
 * {@code /api/events}, a timer, Cloud backup's state, and the browser's lock that makes one tab the leader.
 */
public final class LiveEvents implements LiveUpdates.Stream, LiveUpdates.Timer {
    private static final String EVENTS = "ready,backup";

    private final LiveUpdates live;
    private JSObject source;
    /** Which stream is current: events of one this closed are dropped. */
    private int generation;
    private int timer = -1;

    public LiveEvents(BackupSync sync, Runnable pull) {
        this.live = new LiveUpdates(this, this, pull);
        sync.onChange(() -> live.setBackupOn(sync.isOnAndSignedIn()));
        EventStreams.lead(() -> live.setLeader(true));
    }

    @Override
    public void open() {
        int mine = ++generation;
        source = EventStreams.open("/api/events", EVENTS, what -> {
            if (mine != generation) {
                return;
            }
            switch (what) {
                case "open" -> live.opened();
                case "error" -> live.failed();
                default -> live.changed();
            }
        });
    }

    @Override
    public void close() {
        generation++;
        if (source != null) {
            EventStreams.close(source);
            source = null;
        }
    }

    @Override
    public void after(long millis, Runnable task) {
        timer = Window.setTimeout(() -> {
            timer = -1;
            task.run();
        }, (int) millis);
    }

    @Override
    public void cancel() {
        if (timer >= 0) {
            Window.clearTimeout(timer);
            timer = -1;
        }
    }
}
