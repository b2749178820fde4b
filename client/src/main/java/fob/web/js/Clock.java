package fob.web.js;

import org.teavm.jso.browser.Window;

/** Runs a task at each whole second, when codes and countdowns change. */
public final class Clock {
    private Clock() {
    }

    public static void everySecond(Runnable task) {
        long now = System.currentTimeMillis();
        Window.setTimeout(() -> {
            task.run();
            everySecond(task);
        }, (int) (1000 - now % 1000) + 5);
    }
}
