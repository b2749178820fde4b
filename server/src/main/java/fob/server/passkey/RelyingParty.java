package fob.server.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import fob.server.store.Passkey;
import fob.server.web.Base64Url;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fob as a WebAuthn relying party, with webauthn4j: builds the options (WebAuthn Level 3 JSON forms) and
 * verifies responses, each check explicit. Discoverable credentials, user verification required, attestation
 * "none": Fob trusts no authenticator model, it only needs the key.
 */
public final class RelyingParty {
    /** How long a ceremony may take: the time the options give the browser, and the challenge's lifetime. */
    public static final long TIMEOUT_MILLIS = 5 * 60 * 1000;
    /** PRF input for backup keys: SHA-256("fob backup v1"), fixed so one sign-in yields the same key. */
    public static final String PRF_SALT = Base64Url.encode(sha256("fob backup v1"));
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final String origin;
    private final String rpId;
    private final WebAuthnManager webauthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentials =
            new AttestedCredentialDataConverter(new ObjectConverter());

    public RelyingParty(String origin) {
        this.origin = origin;
        this.rpId = URI.create(origin).getHost();
    }

    public String rpId() {
        return rpId;
    }

    private static byte[] sha256(String text) {
        return fob.server.session.Secrets.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** PublicKeyCredentialCreationOptionsJSON for a new passkey of {@code userHandle}. */
    public ObjectNode creationOptions(byte[] challenge, byte[] userHandle, String name, List<byte[]> existing) {
        ObjectNode options = fob.server.web.Json.object();
        options.putObject("rp").put("id", rpId).put("name", "Fob");
        options.putObject("user").put("id", Base64Url.encode(userHandle)).put("name", name).put("displayName", name);
        options.put("challenge", Base64Url.encode(challenge));
        ArrayNode algorithms = options.putArray("pubKeyCredParams");
        for (PublicKeyCredentialParameters algorithm : ALGORITHMS) {
            algorithms.addObject().put("type", "public-key").put("alg", algorithm.getAlg().getValue());
        }
        options.put("timeout", TIMEOUT_MILLIS);
        ArrayNode exclude = options.putArray("excludeCredentials");
        for (byte[] id : existing) {
            exclude.addObject().put("type", "public-key").put("id", Base64Url.encode(id));
        }
        options.putObject("authenticatorSelection").put("residentKey", "required").put("requireResidentKey", true)
                .put("userVerification", "required");
        options.put("attestation", "none");
        ObjectNode extensions = options.putObject("extensions");
        extensions.put("credProps", true);
        extensions.putObject("prf").putObject("eval").put("first", PRF_SALT);
        return options;
    }

    /**
     * PublicKeyCredentialRequestOptionsJSON for a sign-in: with no passkeys named, any of the user's discoverable
     * passkeys (the passkey names the account); else only those (a re-authentication of one account), each with
     * the transports it was registered with.
     */
    public ObjectNode requestOptions(byte[] challenge, List<Passkey> allowed) {
        ObjectNode options = fob.server.web.Json.object();
        options.put("challenge", Base64Url.encode(challenge));
        options.put("timeout", TIMEOUT_MILLIS);
        options.put("rpId", rpId);
        ArrayNode allow = options.putArray("allowCredentials");
        for (Passkey passkey : allowed) {
            ObjectNode credential = allow.addObject().put("type", "public-key")
                    .put("id", Base64Url.encode(passkey.credentialId()));
            if (passkey.transports() != null && !passkey.transports().isEmpty()) {
                ArrayNode transports = credential.putArray("transports");
                for (String transport : passkey.transports().split(",")) {
                    if (!transport.isEmpty()) {
                        transports.add(transport);
                    }
                }
            }
        }
        options.put("userVerification", "required");
        options.putObject("extensions").putObject("prf").putObject("eval").put("first", PRF_SALT);
        return options;
    }

    /**
     * The response as webauthn4j should see it. Its client extension results are dropped: they hold the PRF
     * output (a secret the server must never see, keep or log) and the server uses none of them.
     */
    static String withoutClientExtensions(ObjectNode response) {
        ObjectNode copy = response.deepCopy();
        copy.putObject("clientExtensionResults");
        return copy.toString();
    }

    /** The challenge the browser signed, read from the response's clientDataJSON. */
    public static byte[] challengeOf(ObjectNode response) {
        JsonNode inner = response.get("response");
        byte[] clientData = inner == null || !inner.isObject() ? null
                : Base64Url.decode(inner.path("clientDataJSON").asString(null));
        if (clientData == null) {
            throw CeremonyException.malformed("no clientDataJSON");
        }
        try {
            JsonNode parsed = fob.server.web.Json.MAPPER.readTree(clientData);
            byte[] challenge = Base64Url.decode(parsed.path("challenge").asString(null));
            if (challenge == null) {
                throw CeremonyException.malformed("clientDataJSON has no challenge");
            }
            return challenge;
        } catch (JacksonException e) {
            throw CeremonyException.malformed("clientDataJSON is not JSON");
        }
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return new ServerProperty(new Origin(origin), rpId, new DefaultChallenge(challenge));
    }

    /**
     * Checks the response's shape before webauthn4j reads it: its parser assumes the fields are there (a missing
     * {@code response} is a NullPointerException inside it).
     */
    private static void requireShape(ObjectNode credential, String... responseFields) {
        if (!credential.path("id").isString() || !credential.path("rawId").isString()
                || !"public-key".equals(credential.path("type").asString(null))) {
            throw CeremonyException.malformed("it needs id, rawId and type \"public-key\"");
        }
        JsonNode response = credential.get("response");
        if (response == null || !response.isObject()) {
            throw CeremonyException.malformed("it has no response object");
        }
        for (String field : responseFields) {
            if (Base64Url.decode(response.path(field).asString(null)) == null) {
                throw CeremonyException.malformed("response." + field + " is missing or not base64url");
            }
        }
    }

    public VerifiedRegistration verifyRegistration(ObjectNode response, byte[] challenge) {
        requireShape(response, "clientDataJSON", "attestationObject");
        RegistrationData data;
        try {
            data = webauthn.parseRegistrationResponseJSON(withoutClientExtensions(response));
        } catch (RuntimeException e) {
            // DataConversionException and whatever else a parser of hostile input may throw.
            throw CeremonyException.malformed("it does not parse as a registration");
        }
        try {
            webauthn.verify(data, new RegistrationParameters(serverProperty(challenge), ALGORITHMS, true, true));
        } catch (VerificationException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw CeremonyException.malformed("its contents are inconsistent");
        }
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticator.getAttestedCredentialData();
        Set<String> transports = new TreeSet<>();
        if (data.getTransports() != null) {
            for (AuthenticatorTransport transport : data.getTransports()) {
                transports.add(transport.getValue());
            }
        }
        return new VerifiedRegistration(credential.getCredentialId(), credentials.convert(credential),
                authenticator.getSignCount(), authenticator.isFlagUV(), authenticator.isFlagBE(),
                authenticator.isFlagBS(), String.join(",", transports));
    }

    /** The parsed sign-in response, to find the passkey (by credential id) before verifying it. */
    public AuthenticationData parseSignIn(ObjectNode response) {
        requireShape(response, "clientDataJSON", "authenticatorData", "signature");
        AuthenticationData data;
        try {
            data = webauthn.parseAuthenticationResponseJSON(withoutClientExtensions(response));
        } catch (RuntimeException e) {
            throw CeremonyException.malformed("it does not parse as a sign-in");
        }
        if (data.getCredentialId() == null || data.getAuthenticatorData() == null) {
            throw CeremonyException.malformed("it names no credential");
        }
        return data;
    }

    public VerifiedSignIn verifySignIn(AuthenticationData data, byte[] challenge, Passkey passkey) {
        AttestedCredentialData credential = credentials.convert(passkey.attestedCredential());
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(),
                passkey.uvInitialized(), passkey.backupEligible(), passkey.backupState(), passkey.signCount(),
                credential, null, null, null, null);
        try {
            webauthn.verify(data, new AuthenticationParameters(serverProperty(challenge), record,
                    List.of(passkey.credentialId()), true, true));
        } catch (VerificationException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw CeremonyException.malformed("its contents are inconsistent");
        }
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        return new VerifiedSignIn(authenticator.getSignCount(), authenticator.isFlagBS());
    }

    /** One error code per failed check. */
    private static CeremonyException failure(VerificationException e) {
        if (e instanceof BadOriginException) {
            return CeremonyException.failed("bad_origin", "The passkey was used for another site");
        }
        if (e instanceof BadRpIdException) {
            return CeremonyException.failed("bad_rp_id", "The passkey belongs to another site");
        }
        if (e instanceof BadChallengeException) {
            return CeremonyException.failed("bad_challenge", "The response does not answer this ceremony");
        }
        if (e instanceof UserNotVerifiedException) {
            return CeremonyException.failed("user_not_verified",
                    "The passkey did not verify you (PIN, fingerprint or face); Fob requires it");
        }
        if (e instanceof UserNotPresentException) {
            return CeremonyException.failed("user_not_present", "The passkey did not confirm your presence");
        }
        if (e instanceof MaliciousCounterValueException) {
            return CeremonyException.failed("counter_regressed",
                    "The passkey's signature counter went backwards: it may have been copied");
        }
        if (e instanceof BadSignatureException) {
            return CeremonyException.failed("bad_signature", "The passkey's signature does not verify");
        }
        if (e instanceof InconsistentClientDataTypeException) {
            return CeremonyException.failed("wrong_ceremony", "The response is for another kind of ceremony");
        }
        return CeremonyException.failed("verification_failed", "The passkey response did not verify");
    }
}
