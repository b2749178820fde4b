package fob.web.worker;

/** The worker refused a task, or failed; the message is for people. */
public final class WorkerException extends Exception {
    public WorkerException(String message) {
        super(message);
    }
}
