package fob.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.server.web.Json;
import tools.jackson.databind.node.ObjectNode;

/** The ceremonies a test needs again and again, done the way a browser does them. */
public final class Accounts {
    private Accounts() {
    }

    /** A browser (client), its passkey provider, and the recovery account they made. */
    public record Signed(ApiClient client, SoftwareAuthenticator authenticator, String accountId) {
    }

    public static ApiClient.Response register(ApiClient client, SoftwareAuthenticator authenticator, String name)
            throws Exception {
        ObjectNode request = Json.object().put("name", name);
        ApiClient.Response options = client.post("/api/register/options", request);
        assertEquals(200, options.status(), options.text());
        return client.post("/api/register/verify", authenticator.create(options.json()));
    }

    /** Creates an account and leaves the client signed in to it. */
    public static Signed create(TestServer server, String name) throws Exception {
        ApiClient client = server.client();
        SoftwareAuthenticator authenticator = new SoftwareAuthenticator(server.origin());
        ApiClient.Response created = register(client, authenticator, name);
        assertEquals(201, created.status(), created.text());
        return new Signed(client, authenticator, created.json().path("account").path("id").asString());
    }

    public static ApiClient.Response signIn(ApiClient client, SoftwareAuthenticator authenticator) throws Exception {
        ApiClient.Response options = client.post("/api/signin/options", Json.object());
        assertEquals(200, options.status(), options.text());
        return client.post("/api/signin/verify", authenticator.get(options.json()));
    }
}
