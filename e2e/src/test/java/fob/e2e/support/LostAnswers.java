package fob.e2e.support;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import com.grack.nanojson.JsonWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers the server gave that never reach the page: the DevTools protocol's Fetch domain pauses every response whose
 * URL matches, after the server has answered (requestStage Response), and fails it as a closed connection. The page
 * sees a network error for a request the server committed. ChromeDriver's own CDP command gives no events, so this
 * is a second DevTools client of the page's target, on the WebSocket that chromedriver's debugger address offers.
 */
public final class LostAnswers implements AutoCloseable {
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> replies = new ConcurrentHashMap<>();
    private final List<String> lost = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    private LostAnswers() {
    }

    /** From now on, the answers to requests of the page at {@code pageUrl} whose URL matches {@code urlPattern}. */
    @SuppressWarnings("unchecked")
    public static LostAnswers to(Chromium browser, String pageUrl, String urlPattern) throws Exception {
        Map<String, Object> options = (Map<String, Object>) browser.driver().getCapabilities()
                .getCapability("goog:chromeOptions");
        String debugger = (String) options.get("debuggerAddress");
        HttpClient http = HttpClient.newHttpClient();
        JsonArray targets = JsonParser.array().from(http.send(HttpRequest.newBuilder(URI.create("http://" + debugger
                + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
        String target = null;
        for (int i = 0; i < targets.size(); i++) {
            JsonObject candidate = targets.getObject(i);
            if ("page".equals(candidate.getString("type")) && candidate.getString("url", "").startsWith(pageUrl)) {
                target = candidate.getString("webSocketDebuggerUrl");
            }
        }
        if (target == null) {
            throw new IllegalStateException("no page at " + pageUrl + " among " + targets);
        }
        LostAnswers answers = new LostAnswers();
        answers.socket = http.newWebSocketBuilder().buildAsync(URI.create(target), answers.new Listener())
                .get(10, TimeUnit.SECONDS);
        JsonObject pattern = new JsonObject();
        pattern.put("urlPattern", urlPattern);
        pattern.put("requestStage", "Response");
        JsonArray patterns = new JsonArray();
        patterns.add(pattern);
        JsonObject params = new JsonObject();
        params.put("patterns", patterns);
        answers.call("Fetch.enable", params).get(10, TimeUnit.SECONDS);
        return answers;
    }

    /** "METHOD URL STATUS" of each answer that the server gave and the page never got, in order. */
    public List<String> lost() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the DevTools client failed", failures.get(0));
        }
        return new ArrayList<>(lost);
    }

    private CompletableFuture<JsonObject> call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        replies.put(id, reply);
        JsonObject message = new JsonObject();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        String text = JsonWriter.string(message);
        // One send at a time, as WebSocket requires; never from the listener's own thread.
        sender.execute(() -> socket.sendText(text, true).join());
        return reply;
    }

    private void received(String text) throws JsonParserException {
        JsonObject message = JsonParser.object().from(text);
        if (message.has("id")) {
            CompletableFuture<JsonObject> reply = replies.remove(message.getInt("id"));
            if (reply != null) {
                if (message.has("error")) {
                    reply.completeExceptionally(new IllegalStateException(JsonWriter.string(message)));
                } else {
                    reply.complete(message.getObject("result"));
                }
            }
            return;
        }
        if (!"Fetch.requestPaused".equals(message.getString("method"))) {
            return;
        }
        JsonObject paused = message.getObject("params");
        JsonObject request = paused.getObject("request");
        lost.add(request.getString("method") + " " + request.getString("url") + " "
                + paused.getInt("responseStatusCode", 0));
        JsonObject params = new JsonObject();
        params.put("requestId", paused.getString("requestId"));
        params.put("errorReason", "ConnectionClosed");
        call("Fetch.failRequest", params).whenComplete((result, error) -> {
            if (error != null) {
                failures.add(error);
            }
        });
    }

    /** Answers reach the page again. */
    @Override
    public void close() throws Exception {
        try {
            call("Fetch.disable", new JsonObject()).get(10, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        } finally {
            sender.shutdown();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    received(text.toString());
                } catch (JsonParserException | RuntimeException e) {
                    failures.add(e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failures.add(error);
        }
    }
}
