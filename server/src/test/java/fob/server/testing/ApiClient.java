package fob.server.testing;

import fob.server.web.Json;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** One browser's worth of API calls: its own cookies, and the X-Fob-Request header that Fob's page sends. */
public final class ApiClient {
    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    public boolean sendRequestHeader = true;

    public ApiClient(String base) {
        this(base, true);
    }

    /** Without a cookie jar the client sends only the Cookie headers it is given, as a load balancer passes them. */
    public ApiClient(String base, boolean keepCookies) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (keepCookies) {
            builder.cookieHandler(cookies);
        }
        this.http = builder.build();
    }

    public CookieManager cookies() {
        return cookies;
    }

    /** A response, with its body as text and (when it is JSON) as an object. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public ObjectNode json() {
            return (ObjectNode) Json.MAPPER.readTree(body);
        }

        public String error() {
            return json().path("error").asString();
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /**
         * What {@code GET /api/session} said: signed in (200 with the account), or signed out (200 with
         * {@code "signedIn": false}); anything else fails the test.
         */
        public boolean signedIn() {
            if (status != 200) {
                throw new AssertionError("GET /api/session answered " + status + ": " + text());
            }
            return json().path("signedIn").asBoolean();
        }
    }

    public Response send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        List<String> all = new ArrayList<>(List.of(headers));
        if (sendRequestHeader && !method.equals("GET")) {
            all.add("X-Fob-Request");
            all.add("1");
        }
        if (body != null) {
            all.add("Content-Type");
            all.add("application/json");
        }
        for (int i = 0; i < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    /** A PUT whose body is read from a stream as it is sent (to have a request in progress). */
    public Response putStream(String path, java.util.function.Supplier<java.io.InputStream> body, long length,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length))
                .header("X-Fob-Request", "1").header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    /** Opens a Server-Sent Events stream, read as it comes. */
    public EventStream events(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new EventStream(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    public Response get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    public Response post(String path, Object json) throws Exception {
        return send("POST", path, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Response put(String path, byte[] body, String... headers) throws Exception {
        return send("PUT", path, body, headers);
    }

    public Response delete(String path) throws Exception {
        return send("DELETE", path, null);
    }
}
