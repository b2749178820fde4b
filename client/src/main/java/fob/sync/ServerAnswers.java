package fob.sync;

import com.grack.nanojson.JsonObject;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;

/** What an answer of Fob's server means (docs/api.md, "Errors"): the JSON asked for, or the failure it reports. */
final class ServerAnswers {
    private ServerAnswers() {
    }

    /** The answer's JSON when its status is one of {@code statuses} (204: an empty object); its failure otherwise. */
    static JsonObject expect(HttpTransport.Response response, int... statuses) throws ServerFailure {
        for (int status : statuses) {
            if (response.status == status) {
                return status == 204 ? new JsonObject() : json(response);
            }
        }
        throw failure(response);
    }

    private static JsonObject json(HttpTransport.Response response) throws ServerFailure {
        try {
            return Json.parseObject(response.body);
        } catch (JsonFormatException e) {
            throw ServerFailure.answered(response.status, "bad_response", Text.t("The server answered something Fob"
                    + " does not understand (HTTP {0})", response.status), -1);
        }
    }

    /** The failure an answer reports: its error code, in the page's words, with the limit of a 413. */
    static ServerFailure failure(HttpTransport.Response response) {
        try {
            JsonObject error = Json.parseObject(response.body);
            Object limit = error.get("limit");
            String code = String.valueOf(error.get("error"));
            return ServerFailure.answered(response.status, code, ServerErrors.describe(code,
                    String.valueOf(error.get("message")), retryAfter(response)),
                    limit instanceof Number ? ((Number) limit).longValue() : -1);
        } catch (JsonFormatException e) {
            return ServerFailure.answered(response.status, "http_" + response.status,
                    Text.t("The server failed (HTTP {0})", response.status), -1);
        }
    }

    /** The seconds a 429 asks to wait, or -1. */
    private static long retryAfter(HttpTransport.Response response) {
        if (response.retryAfter == null) {
            return -1;
        }
        try {
            return Long.parseLong(response.retryAfter.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
