package fob.web.backup;

import fob.sync.HttpTransport;
import fob.sync.ServerFailure;
import fob.web.js.Http;
import fob.web.js.JsFailure;
import fob.web.js.Promises;

/** Requests to Fob's server with the browser's fetch; a request that got no answer is offline. */
final class FetchTransport implements HttpTransport {
    @Override
    public Response send(String method, String path, String body, String precondition, String preconditionValue)
            throws ServerFailure {
        try {
            Http.Response response = Promises.await(Http.send(method, path, body, precondition, preconditionValue));
            return new Response(response.getStatus(), response.getEtag(), response.getRetryAfter(),
                    response.getBody());
        } catch (JsFailure e) {
            throw ServerFailure.offline();
        }
    }
}
