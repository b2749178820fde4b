package fob.server.web;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON in and out of the API, with Jackson 3 (which webauthn4j already brings). */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** WebAuthn responses and option requests are a few KiB; this bound leaves room and stops abuse. */
    public static final int MAX_CEREMONY_BYTES = 64 * 1024;

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The request body as a JSON object, or a 400 that says why it is not one. */
    public static ObjectNode body(Context ctx, int maxBytes) {
        byte[] body = Bodies.read(ctx, maxBytes);
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("malformed_json", "The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    public static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    }
}
