package fob.web;

import fob.text.Text;
import fob.web.js.Browser;

/**
 * Runs work that awaits promises. TeaVM can only suspend code on one of its own threads, and event handlers
 * run outside them, so each handler that awaits starts one here.
 */
public final class Async {
    private Async() {
    }

    /** A task whose failure is reported to the person, never swallowed. */
    public interface Task {
        void run() throws Exception;
    }

    public static void run(Task task, ErrorSink errors) {
        new Thread(() -> {
            try {
                task.run();
            } catch (Exception e) {
                // Expected failures (a wrong password, no network) are shown to the person; only faults are logged.
                if (e instanceof RuntimeException) {
                    Browser.logError("Fob: " + e);
                }
                errors.show(e.getMessage() == null ? Text.t("Something went wrong: {0}", e) : e.getMessage());
            }
        }).start();
    }

    /** Where a failure is shown. */
    public interface ErrorSink {
        void show(String message);
    }
}
