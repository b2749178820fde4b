package fob.server.metrics;

import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What an operator watches, in Prometheus' text format at {@code /metrics} on a port of its own
 * ({@code FOB_METRICS_PORT}, off by default), never on the public one: requests by route and status with their
 * latency, security events by kind (sign-ins, accounts created, backups written...), the bytes of backups
 * written, live-sync clients, and the JVM. Routes are tagged by their pattern ({@code /api/passkeys/{id}}), so
 * no identifier reaches a metric.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DistributionSummary backupBytes;
    private final Counter streamsOpened;
    private final HttpServer http;

    private Metrics(HttpServer http) {
        this.http = http;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.backupBytes = DistributionSummary.builder("fob.backup.written").baseUnit("bytes")
                .description("Sizes of the backup versions written").register(registry);
        this.streamsOpened = Counter.builder("fob.live.streams.opened").description("Live-sync streams opened")
                .register(registry);
    }

    /** Metrics kept but not served (no metrics port). */
    public static Metrics unserved() {
        return new Metrics(null);
    }

    /** Metrics served at http://host:port/metrics. */
    public static Metrics servedAt(String host, int port) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for metrics on " + host + ":" + port, e);
        }
        Metrics metrics = new Metrics(http);
        http.createContext("/metrics", exchange -> {
            byte[] body = metrics.registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        return metrics;
    }

    /** The port metrics are served on, or 0. */
    public int port() {
        return http == null ? 0 : http.getAddress().getPort();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One answered request; Javalin's request logger calls this with the time the handlers took. */
    public void request(Context ctx, float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        String route = endpoint == null ? "unmatched" : endpoint.path;
        Timer.builder("fob.http.requests").description("Requests answered, by route and status")
                .tag("method", ctx.method().name()).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode())).register(registry)
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
    }

    /** A security event, as the activity list records it. */
    public void event(String kind) {
        Counter.builder("fob.events").description("Security events: sign-ins, accounts created, backups"
                + " written...").tag("kind", kind).register(registry).increment();
    }

    public void streamOpened() {
        streamsOpened.increment();
    }

    public void backupWritten(long bytes) {
        backupBytes.record(bytes);
    }

    /** A gauge read when metrics are scraped. */
    public void gauge(String name, String description, Supplier<Number> value) {
        io.micrometer.core.instrument.Gauge.builder(name, value).description(description).register(registry);
    }

    @Override
    public void close() {
        if (http != null) {
            http.stop(0);
        }
        registry.close();
    }
}
