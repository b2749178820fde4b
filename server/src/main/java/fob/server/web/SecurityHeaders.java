package fob.server.web;

import io.javalin.http.Context;

/** Headers on every response, so that no page, error or file is left without them. */
public final class SecurityHeaders {
    /**
     * The page runs only its own scripts and styles. {@code form-action 'none'}: the account form is never sent
     * anywhere, so a submit before the script has loaded cannot put a secret into a URL. Trusted Types: the
     * page's only script URLs go through the one policy named "fob".
     */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'none'; "
            + "require-trusted-types-for 'script'; trusted-types fob";
    /**
     * Fob's worker only (worker.js): TeaVM's Wasm-GC runtime (worker-runtime.js) builds its JavaScript glue with
     * {@code new Function} when it loads worker.wasm, so the worker needs 'unsafe-eval' besides 'wasm-unsafe-eval'.
     * A dedicated worker obeys the CSP of its own script, so the page itself still allows no eval.
     */
    public static final String WORKER_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' "
            + "'unsafe-eval'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final boolean https;

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), "
                + "serial=(), hid=()");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
        }
    }
}
