package fob.server.testing;

import fob.server.web.Base64Url;
import fob.server.web.Json;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A passkey provider and browser in one, on the JVM: makes ES256 discoverable credentials and answers
 * creation and request options with WebAuthn Level 3 JSON, as {@code credential.toJSON()} would. Each knob
 * breaks one thing a real attacker could, so tests can show the server refuses it.
 */
public final class SoftwareAuthenticator {
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int BE = 0x08;
    private static final int BS = 0x10;
    private static final int AT = 0x40;

    /** One credential this authenticator holds. */
    public static final class Credential {
        public final byte[] id;
        final KeyPair keys;
        public final byte[] userHandle;
        final String rpId;
        public long signCount;

        Credential(byte[] id, KeyPair keys, byte[] userHandle, String rpId, long signCount) {
            this.id = id;
            this.keys = keys;
            this.userHandle = userHandle;
            this.rpId = rpId;
            this.signCount = signCount;
        }

        /** This credential's id and user, signed with another key: a forgery by someone who knows the id. */
        public Credential forgedWith(Credential other) {
            return new Credential(id, other.keys, userHandle, rpId, signCount + 100);
        }
    }

    private final List<Credential> credentials = new ArrayList<>();
    /** The origin the "browser" writes into clientDataJSON. */
    public String origin;
    /** When set, the RP ID hashed into authenticator data, instead of the options' one. */
    public String rpIdOverride;
    public boolean userVerified = true;
    public boolean backupEligible = true;
    public boolean backupState = true;
    /** Starting counter for new credentials; 0 is what synced passkeys report, always. */
    public long initialCounter;
    /** How much each use raises the counter (0 for synced passkeys). */
    public long counterStep = 1;
    /** When set, sign-ins leave out userHandle, which WebAuthn allows only when the RP named the credential. */
    public boolean omitUserHandle;
    /** When set, extra client extension results sent along, as a careless client would (e.g. PRF output). */
    public ObjectNode extraClientExtensionResults;

    public SoftwareAuthenticator(String origin) {
        this.origin = origin;
    }

    public List<Credential> credentials() {
        return credentials;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int flags(boolean attested) {
        return UP | (userVerified ? UV : 0) | (backupEligible ? BE : 0) | (backupState ? BS : 0) | (attested ? AT : 0);
    }

    private byte[] clientData(String type, String challenge) {
        ObjectNode clientData = Json.object();
        clientData.put("type", type).put("challenge", challenge).put("origin", origin).put("crossOrigin", false);
        return clientData.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Answers PublicKeyCredentialCreationOptionsJSON with a RegistrationResponseJSON. */
    public ObjectNode create(ObjectNode options) throws Exception {
        String rpId = rpIdOverride != null ? rpIdOverride : options.path("rp").path("id").asString();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] id = new byte[32];
        new java.security.SecureRandom().nextBytes(id);
        byte[] userHandle = Base64Url.decode(options.path("user").path("id").asString());
        Credential credential = new Credential(id, keys, userHandle, rpId, initialCounter);
        credentials.add(credential);

        ECPublicKey publicKey = (ECPublicKey) keys.getPublic();
        byte[] cose = Cbor.encode(Cbor.map(1, 2, 3, -7, -1, 1, -2, unsigned(publicKey.getW().getAffineX()),
                -3, unsigned(publicKey.getW().getAffineY())));
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags(true));
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) credential.signCount).array());
        authData.writeBytes(new byte[16]);
        authData.write(id.length >> 8);
        authData.write(id.length);
        authData.writeBytes(id);
        authData.writeBytes(cose);
        byte[] attestationObject = Cbor.encode(Cbor.map("fmt", "none", "attStmt", Cbor.map(),
                "authData", authData.toByteArray()));

        ObjectNode response = Json.object();
        response.put("clientDataJSON", Base64Url.encode(clientData("webauthn.create",
                options.path("challenge").asString())));
        response.put("attestationObject", Base64Url.encode(attestationObject));
        response.putArray("transports").add("internal").add("hybrid");
        return credentialJson(id, response);
    }

    private ObjectNode credentialJson(byte[] id, ObjectNode response) {
        ObjectNode credential = Json.object();
        credential.put("id", Base64Url.encode(id));
        credential.put("rawId", Base64Url.encode(id));
        credential.put("type", "public-key");
        credential.set("response", response);
        credential.put("authenticatorAttachment", "platform");
        ObjectNode extensions = credential.putObject("clientExtensionResults");
        if (extraClientExtensionResults != null) {
            extensions.setAll(extraClientExtensionResults);
        }
        return credential;
    }

    /** Answers PublicKeyCredentialRequestOptionsJSON with an AuthenticationResponseJSON, using the first passkey. */
    public ObjectNode get(ObjectNode options) throws Exception {
        return get(options, credentials.get(0));
    }

    public ObjectNode get(ObjectNode options, Credential credential) throws Exception {
        String rpId = rpIdOverride != null ? rpIdOverride : options.path("rpId").asString();
        credential.signCount += counterStep;
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(flags(false));
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) credential.signCount).array());
        byte[] clientData = clientData("webauthn.get", options.path("challenge").asString());
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(credential.keys.getPrivate());
        signer.update(authData.toByteArray());
        signer.update(sha256(clientData));

        ObjectNode response = Json.object();
        response.put("clientDataJSON", Base64Url.encode(clientData));
        response.put("authenticatorData", Base64Url.encode(authData.toByteArray()));
        response.put("signature", Base64Url.encode(signer.sign()));
        if (!omitUserHandle) {
            response.put("userHandle", Base64Url.encode(credential.userHandle));
        }
        return credentialJson(credential.id, response);
    }

    /** A 32-byte big-endian coordinate, as COSE wants it. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == 32) {
            return bytes;
        }
        byte[] fixed = new byte[32];
        int copy = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return Arrays.copyOf(fixed, 32);
    }
}
