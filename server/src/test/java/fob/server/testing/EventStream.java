package fob.server.testing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A Server-Sent Events stream as a test reads it: its status, then its events one by one, as they arrive. */
public final class EventStream implements AutoCloseable {
    /** One event: its name and its data; a comment (a keep-alive) is not an event. */
    public record Event(String name, String data, long receivedNanos) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final StringBuffer lines = new StringBuffer();
    private volatile boolean ended;

    EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                this.lines.append(line).append('\n');
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString(), System.nanoTime()));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException closed) {
            // The stream ended or was closed.
        } finally {
            ended = true;
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The error code of a refusal (a JSON body instead of a stream), once the body has been read. */
    public String error() throws InterruptedException {
        if (!endsWithin(Duration.ofSeconds(5))) {
            throw new AssertionError("the answer did not end: " + status() + " " + lines);
        }
        return fob.server.web.Json.MAPPER.readTree(lines.toString()).path("error").asString();
    }

    /** The next event, waiting at most {@code timeout}; fails the test if none came. */
    public Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + timeout + (ended ? " (the stream ended)" : ""));
        }
        return event;
    }

    /** The next event named {@code name}, skipping others. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Whether the server ended the stream, waiting at most {@code timeout} for it to. */
    public boolean endsWithin(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return ended;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
