package fob.e2e.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;

/**
 * Firefox's own remote protocol, the one geckodriver speaks to it: one socket, each message {@code length:json},
 * a command {@code [0, id, name, params]} answered by {@code [1, id, error, result]}. Its commands are WebDriver's,
 * named {@code WebDriver:Navigate}, {@code WebAuthn:AddVirtualAuthenticator} and so on. Calls are one at a time.
 */
public final class Marionette implements AutoCloseable {
    private static final Json JSON = new Json();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int lastId;

    private Marionette(Socket socket) throws IOException {
        this.socket = socket;
        // No command of the tests' takes this long; one that does has hung, and fails rather than hanging the build.
        socket.setSoTimeout((int) java.time.Duration.ofMinutes(2).toMillis());
        this.in = new BufferedInputStream(socket.getInputStream());
        // One command is one write, sent at once: written as its length and then its body, a command waited for
        // Nagle's algorithm and the peer's delayed acknowledgement, about 40 ms each (measured on FirefoxTest: 45 ms
        // a command, 300 commands a path).
        socket.setTcpNoDelay(true);
        this.out = new java.io.BufferedOutputStream(socket.getOutputStream());
        read(); // Firefox greets first: {"applicationType":"gecko","marionetteProtocol":3}
    }

    public static Marionette connect(int port) throws IOException {
        return new Marionette(new Socket("127.0.0.1", port));
    }

    /** A failed command: Firefox's WebDriver error code ("no such element", ...), message and stack. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final Map<String, Object> error;

        Failure(Map<String, Object> error) {
            super(error.get("error") + ": " + error.get("message"));
            this.error = error;
        }
    }

    /** Sends one command and returns its result (usually {"value": ...}), or throws its {@link Failure}. */
    @SuppressWarnings("unchecked")
    public synchronized Object call(String name, Map<String, ?> params) throws IOException {
        int id = ++lastId;
        byte[] message = JSON.toJson(List.of(0, id, name, params)).getBytes(StandardCharsets.UTF_8);
        out.write((message.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(message);
        out.flush();
        while (true) {
            List<Object> reply = (List<Object>) read();
            if (((Number) reply.get(1)).intValue() != id) {
                throw new IOException("Marionette answered command " + reply.get(1) + " where " + id + " was asked");
            }
            if (reply.get(2) != null) {
                throw new Failure((Map<String, Object>) reply.get(2));
            }
            return reply.get(3);
        }
    }

    private Object read() throws IOException {
        int length = 0;
        for (int b = in.read(); b != ':'; b = in.read()) {
            if (b < '0' || b > '9') {
                throw new IOException("Marionette sent " + (b < 0 ? "end of stream" : "'" + (char) b + "'")
                        + " where a message length belongs");
            }
            length = length * 10 + (b - '0');
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("Marionette closed the connection mid-message");
        }
        return JSON.toType(new String(body, StandardCharsets.UTF_8), Object.class);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
