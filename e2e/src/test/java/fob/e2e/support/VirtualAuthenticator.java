package fob.e2e.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A virtual passkey provider in Chromium, through the DevTools protocol (Selenium's own options cannot turn on
 * PRF): CTAP 2.1, internal, resident keys, user verification, PRF, presence given automatically.
 */
public final class VirtualAuthenticator {
    private final Chromium browser;
    private final String id;

    private VirtualAuthenticator(Chromium browser, String id) {
        this.browser = browser;
        this.id = id;
    }

    public static VirtualAuthenticator add(Chromium browser, boolean prf) {
        return add(browser, prf, "internal");
    }

    /** Chromium allows one "internal" (platform) authenticator; others are "usb", like a security key. */
    public static VirtualAuthenticator add(Chromium browser, boolean prf, String transport) {
        browser.cdp("WebAuthn.enable", Map.of("enableUI", false));
        Map<String, Object> options = new HashMap<>();
        options.put("protocol", "ctap2");
        options.put("ctap2Version", "ctap2_1");
        options.put("transport", transport);
        options.put("hasResidentKey", true);
        options.put("hasUserVerification", true);
        options.put("isUserVerified", true);
        options.put("hasPrf", prf);
        options.put("automaticPresenceSimulation", true);
        Map<String, Object> result = browser.cdp("WebAuthn.addVirtualAuthenticator", Map.of("options", options));
        return new VirtualAuthenticator(browser, (String) result.get("authenticatorId"));
    }

    /** The passkeys it holds, as the DevTools protocol exports them (their PRF secret stays behind). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> credentials() {
        return (List<Map<String, Object>>) browser.cdp("WebAuthn.getCredentials", Map.of("authenticatorId", id))
                .get("credentials");
    }

    /** Forgets one of its passkeys, as a person removing it from their password manager would. */
    public void removeCredential(Map<String, Object> credential) {
        browser.cdp("WebAuthn.removeCredential", Map.of("authenticatorId", id, "credentialId",
                credential.get("credentialId")));
    }

    /** Puts a passkey copied from another profile into this one: it signs in, but yields no PRF output. */
    public void addCredential(Map<String, Object> credential) {
        browser.cdp("WebAuthn.addCredential", Map.of("authenticatorId", id, "credential", credential));
    }
}
