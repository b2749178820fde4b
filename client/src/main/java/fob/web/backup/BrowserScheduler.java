package fob.web.backup;

import fob.sync.BackupSync;
import fob.sync.Scheduler;
import fob.web.Async;
import org.teavm.jso.browser.Window;

/** The sync core's timers: the page's setTimeout, each task on a thread of its own (it awaits the network). */
final class BrowserScheduler implements Scheduler {
    private BackupSync sync;
    private int timer = -1;

    void attach(BackupSync core) {
        this.sync = core;
    }

    @Override
    public void uploadIn(int delayMillis) {
        if (timer >= 0) {
            Window.clearTimeout(timer);
        }
        timer = Window.setTimeout(() -> {
            timer = -1;
            Async.run(sync::upload, message -> { });
        }, delayMillis);
    }

    @Override
    public void soon(Runnable task) {
        Window.setTimeout(() -> Async.run(task::run, message -> { }), 0);
    }
}
