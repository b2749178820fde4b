package fob.e2e.support;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.CommandExecutor;
import org.openqa.selenium.remote.DriverCommand;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.remote.codec.w3c.W3CHttpCommandCodec;
import org.openqa.selenium.remote.codec.w3c.W3CHttpResponseCodec;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpRequest;
import org.openqa.selenium.remote.http.HttpResponse;

/**
 * Selenium's WebDriver over {@link Marionette}, in place of geckodriver, which Debian does not package. Selenium's
 * own W3C codec turns each command into the W3C request it would send geckodriver (with its atoms for
 * {@code isDisplayed} and attributes); this class does what geckodriver does with it: route the endpoint to its
 * Marionette command, with the path's ids as parameters, and give the answer back in W3C form.
 */
final class MarionetteExecutor implements CommandExecutor {
    private static final Json JSON = new Json();
    private static final String ID = "([^/]+)";
    private static final List<Route> ROUTES = List.of(
            new Route("DELETE", "", "WebDriver:DeleteSession"),
            new Route("POST", "/url", "WebDriver:Navigate"),
            new Route("GET", "/url", "WebDriver:GetCurrentURL"),
            new Route("POST", "/back", "WebDriver:Back"),
            new Route("POST", "/forward", "WebDriver:Forward"),
            new Route("POST", "/refresh", "WebDriver:Refresh"),
            new Route("GET", "/title", "WebDriver:GetTitle"),
            new Route("GET", "/source", "WebDriver:GetPageSource"),
            new Route("GET", "/timeouts", "WebDriver:GetTimeouts"),
            new Route("POST", "/timeouts", "WebDriver:SetTimeouts"),
            new Route("GET", "/window", "WebDriver:GetWindowHandle"),
            new Route("POST", "/window", "WebDriver:SwitchToWindow"),
            new Route("DELETE", "/window", "WebDriver:CloseWindow"),
            new Route("GET", "/window/handles", "WebDriver:GetWindowHandles"),
            new Route("POST", "/window/new", "WebDriver:NewWindow"),
            new Route("GET", "/window/rect", "WebDriver:GetWindowRect"),
            new Route("POST", "/window/rect", "WebDriver:SetWindowRect"),
            new Route("POST", "/frame", "WebDriver:SwitchToFrame"),
            new Route("POST", "/frame/parent", "WebDriver:SwitchToParentFrame"),
            new Route("POST", "/element", "WebDriver:FindElement"),
            new Route("POST", "/elements", "WebDriver:FindElements"),
            new Route("GET", "/element/active", "WebDriver:GetActiveElement"),
            new Route("POST", "/element/" + ID + "/element", "WebDriver:FindElement", "element"),
            new Route("POST", "/element/" + ID + "/elements", "WebDriver:FindElements", "element"),
            new Route("GET", "/element/" + ID + "/shadow", "WebDriver:GetShadowRoot", "id"),
            new Route("GET", "/element/" + ID + "/selected", "WebDriver:IsElementSelected", "id"),
            new Route("GET", "/element/" + ID + "/enabled", "WebDriver:IsElementEnabled", "id"),
            new Route("GET", "/element/" + ID + "/displayed", "WebDriver:IsElementDisplayed", "id"),
            new Route("GET", "/element/" + ID + "/attribute/" + ID, "WebDriver:GetElementAttribute", "id", "name"),
            new Route("GET", "/element/" + ID + "/property/" + ID, "WebDriver:GetElementProperty", "id", "name"),
            new Route("GET", "/element/" + ID + "/css/" + ID, "WebDriver:GetElementCSSValue", "id", "propertyName"),
            new Route("GET", "/element/" + ID + "/text", "WebDriver:GetElementText", "id"),
            new Route("GET", "/element/" + ID + "/name", "WebDriver:GetElementTagName", "id"),
            new Route("GET", "/element/" + ID + "/rect", "WebDriver:GetElementRect", "id"),
            new Route("GET", "/element/" + ID + "/computedrole", "WebDriver:GetComputedRole", "id"),
            new Route("GET", "/element/" + ID + "/computedlabel", "WebDriver:GetComputedLabel", "id"),
            new Route("POST", "/element/" + ID + "/click", "WebDriver:ElementClick", "id"),
            new Route("POST", "/element/" + ID + "/clear", "WebDriver:ElementClear", "id"),
            new Route("POST", "/element/" + ID + "/value", "WebDriver:ElementSendKeys", "id"),
            new Route("GET", "/element/" + ID + "/screenshot", "WebDriver:TakeScreenshot", "id"),
            new Route("POST", "/shadow/" + ID + "/element", "WebDriver:FindElementFromShadowRoot", "shadowRoot"),
            new Route("POST", "/shadow/" + ID + "/elements", "WebDriver:FindElementsFromShadowRoot", "shadowRoot"),
            new Route("POST", "/execute/sync", "WebDriver:ExecuteScript"),
            new Route("POST", "/execute/async", "WebDriver:ExecuteAsyncScript"),
            new Route("POST", "/actions", "WebDriver:PerformActions"),
            new Route("DELETE", "/actions", "WebDriver:ReleaseActions"),
            new Route("POST", "/alert/dismiss", "WebDriver:DismissAlert"),
            new Route("POST", "/alert/accept", "WebDriver:AcceptAlert"),
            new Route("GET", "/alert/text", "WebDriver:GetAlertText"),
            new Route("POST", "/alert/text", "WebDriver:SendAlertText"),
            new Route("GET", "/screenshot", "WebDriver:TakeScreenshot"),
            new Route("GET", "/cookie", "WebDriver:GetCookies"),
            new Route("POST", "/cookie", "WebDriver:AddCookie"),
            new Route("DELETE", "/cookie", "WebDriver:DeleteAllCookies"),
            new Route("POST", "/webauthn/authenticator", "WebAuthn:AddVirtualAuthenticator"),
            new Route("DELETE", "/webauthn/authenticator/" + ID, "WebAuthn:RemoveVirtualAuthenticator",
                    "authenticatorId"),
            new Route("POST", "/webauthn/authenticator/" + ID + "/credential", "WebAuthn:AddCredential",
                    "authenticatorId"),
            new Route("GET", "/webauthn/authenticator/" + ID + "/credentials", "WebAuthn:GetCredentials",
                    "authenticatorId"),
            new Route("DELETE", "/webauthn/authenticator/" + ID + "/credentials", "WebAuthn:RemoveAllCredentials",
                    "authenticatorId"),
            new Route("DELETE", "/webauthn/authenticator/" + ID + "/credentials/" + ID, "WebAuthn:RemoveCredential",
                    "authenticatorId", "credentialId"),
            new Route("POST", "/webauthn/authenticator/" + ID + "/uv", "WebAuthn:SetUserVerified",
                    "authenticatorId"));
    private static final Map<String, Integer> HTTP_STATUS = Map.ofEntries(
            Map.entry("invalid argument", 400), Map.entry("element click intercepted", 400),
            Map.entry("element not interactable", 400), Map.entry("invalid element state", 400),
            Map.entry("invalid selector", 400), Map.entry("no such element", 404), Map.entry("no such frame", 404),
            Map.entry("no such window", 404), Map.entry("no such alert", 404), Map.entry("no such shadow root", 404),
            Map.entry("stale element reference", 404), Map.entry("detached shadow root", 404),
            Map.entry("unknown command", 404));

    private final Marionette marionette;
    private final W3CHttpCommandCodec requests = new W3CHttpCommandCodec();
    private final W3CHttpResponseCodec responses = new W3CHttpResponseCodec();

    MarionetteExecutor(Marionette marionette) {
        this.marionette = marionette;
    }

    /** One W3C endpoint (below {@code /session/{id}}) and the Marionette command that serves it. */
    private record Route(String method, Pattern path, String command, List<String> pathParameters) {
        Route(String method, String path, String command, String... pathParameters) {
            this(method, Pattern.compile(path), command, List.of(pathParameters));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Response execute(Command command) throws IOException {
        if (DriverCommand.NEW_SESSION.equals(command.getName())) {
            // Marionette takes the capabilities flat, not wrapped in W3C's alwaysMatch.
            Map<String, Object> session = (Map<String, Object>) marionette.call("WebDriver:NewSession",
                    Map.of("acceptInsecureCerts", false));
            Response response = new Response(new org.openqa.selenium.remote.SessionId(
                    (String) session.get("sessionId")));
            response.setValue(session.get("capabilities"));
            response.setState("success");
            return response;
        }
        HttpRequest request = requests.encode(command);
        String below = request.getUri().replaceFirst("^/session/[^/]+", "");
        Route route = ROUTES.stream().filter(r -> r.method.equals(request.getMethod().name())
                && r.path.matcher(below).matches()).findFirst().orElseThrow(() -> new UnsupportedOperationException(
                        "no Marionette command for " + request.getMethod() + " " + below));
        Map<String, Object> params = new HashMap<>();
        String body = Contents.string(request);
        if (!body.isBlank()) {
            params.putAll((Map<String, Object>) JSON.toType(body, Map.class));
        }
        if (route.command.equals("WebDriver:TakeScreenshot") && !params.containsKey("id")) {
            params.put("full", false); // W3C's screenshot is of the viewport; Marionette's default is the whole page
        }
        Matcher ids = route.path.matcher(below);
        ids.matches();
        for (int i = 0; i < route.pathParameters.size(); i++) {
            params.put(route.pathParameters.get(i), java.net.URLDecoder.decode(ids.group(i + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpResponse answer = new HttpResponse();
        try {
            Object result = marionette.call(route.command, params);
            Object value = result instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("value")
                    ? map.get("value") : result;
            Map<String, Object> wrapped = new HashMap<>();
            wrapped.put("value", value);
            answer.setStatus(200);
            answer.setContent(Contents.asJson(wrapped));
        } catch (Marionette.Failure failure) {
            answer.setStatus(HTTP_STATUS.getOrDefault(String.valueOf(failure.error.get("error")), 500));
            answer.setContent(Contents.asJson(Map.of("value", failure.error)));
        }
        answer.setHeader("Content-Type", "application/json; charset=utf-8"); // the codec reads no other kind
        Response response = responses.decode(answer);
        response.setSessionId(String.valueOf(command.getSessionId()));
        return response;
    }
}
