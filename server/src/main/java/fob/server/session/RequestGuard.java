package fob.server.session;

import fob.server.web.ApiException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Checks every API request before its handler: state-changing requests must carry {@code X-Fob-Request: 1}
 * (a header that a cross-site form or image cannot send) and, when the browser names an Origin, Fob's own.
 */
public final class RequestGuard {
    public static final String HEADER = "X-Fob-Request";
    private final String origin;

    public RequestGuard(String origin) {
        this.origin = origin;
    }

    public void check(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            return;
        }
        if (!"1".equals(ctx.header(HEADER))) {
            throw new ApiException(403, "missing_request_header", "State-changing requests need the header "
                    + HEADER + ": 1");
        }
        String requestOrigin = ctx.header("Origin");
        if (requestOrigin != null && !requestOrigin.equals(origin)) {
            throw new ApiException(403, "bad_origin", "Requests from " + requestOrigin + " are not accepted");
        }
    }
}
