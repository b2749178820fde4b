package fob.imports;

import com.grack.nanojson.JsonArray;
import com.grack.nanojson.JsonObject;
import fob.crypto.Aead;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.text.Text;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file or text to import, its format found from its content: Aegis, 2FAS, Bitwarden, FreeOTP+, andOTP,
 * Proton Authenticator, Steam, Fob's own export, or lines of otpauth and Google export links (Ente's plain
 * export, plain lists). Encrypted formats need a password before their entries can be read.
 */
public final class ImportFile {
    /** Far beyond any export of a few thousand accounts; a bound on what Fob parses. */
    public static final int MAX_BYTES = 8 << 20;

    /** Opens an encrypted file. */
    public interface Decryptor {
        List<ImportEntry> decrypt(String password, Kdf kdf, Aead crypto) throws ImportException;
    }

    private final String format;
    private final List<ImportEntry> entries;
    private final Decryptor decryptor;

    private ImportFile(String format, List<ImportEntry> entries, Decryptor decryptor) {
        this.format = format;
        this.entries = entries;
        this.decryptor = decryptor;
    }

    static ImportFile plain(String format, List<ImportEntry> entries) throws ImportException {
        if (entries.isEmpty()) {
            throw new ImportException(Text.t("This {0} file holds no accounts", format));
        }
        return new ImportFile(format, entries, null);
    }

    static ImportFile encrypted(String format, Decryptor decryptor) {
        return new ImportFile(format, null, decryptor);
    }

    /** The app the file comes from, as people know it ("Aegis", "2FAS", "Links"). */
    public String format() {
        return format;
    }

    public boolean needsPassword() {
        return decryptor != null;
    }

    /** The accounts of a file that needs no password. */
    public List<ImportEntry> entries() {
        if (entries == null) {
            throw new IllegalStateException(Text.t("the file is encrypted: decrypt it first"));
        }
        return entries;
    }

    /** The accounts of an encrypted file; a wrong password says so and changes nothing. */
    public List<ImportEntry> decrypt(String password, Kdf kdf, Aead crypto) throws ImportException {
        if (password == null || password.isEmpty()) {
            throw new ImportException(Text.t("Enter the file's password"));
        }
        List<ImportEntry> decrypted = decryptor.decrypt(password, kdf, crypto);
        if (decrypted.isEmpty()) {
            throw new ImportException(Text.t("This {0} file holds no accounts", format));
        }
        return decrypted;
    }

    /** Reads a file's bytes; a file that is not UTF-8 text is not one of the formats Fob reads. */
    public static ImportFile read(byte[] bytes) throws ImportException {
        if (bytes.length > MAX_BYTES) {
            throw new ImportException(Text.t("The file is larger than {0} MB; no export of authenticator accounts is"
                    + " that large", (MAX_BYTES >> 20)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportException(Text.t("This file is not text; Fob reads the JSON and text exports of Aegis,"
                    + " 2FAS, Bitwarden, FreeOTP+, andOTP, Proton Authenticator, Ente Auth, Google Authenticator and"
                    + " Fob"));
        }
        return read(text);
    }

    public static ImportFile read(String text) throws ImportException {
        String trimmed = text.trim();
        if (trimmed.startsWith("\uFEFF")) {
            trimmed = trimmed.substring(1).trim();
        }
        if (trimmed.isEmpty()) {
            throw new ImportException(Text.t("The file is empty"));
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return plain(Text.t("Links"), LinkReader.read(trimmed));
        }
        Object json;
        try {
            json = Json.parseAny(trimmed);
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("The file looks like JSON, but {0} (is it cut short?)", e.getMessage()));
        }
        try {
            if (json instanceof JsonArray) {
                if (JsonImporters.isAndOtp((JsonArray) json)) {
                    return plain("andOTP", JsonImporters.andOtp((JsonArray) json));
                }
            } else if (json instanceof JsonObject) {
                JsonObject root = (JsonObject) json;
                if (root.containsKey("fob")) {
                    return FobExportImporter.read(trimmed);
                }
                if (AegisImporter.recognises(root)) {
                    return AegisImporter.read(root);
                }
                if (TwoFasImporter.recognises(root)) {
                    return TwoFasImporter.read(root);
                }
                if (JsonImporters.isBitwarden(root)) {
                    return plain("Bitwarden", JsonImporters.bitwarden(root));
                }
                if (JsonImporters.isFreeOtpPlus(root)) {
                    return plain("FreeOTP+", JsonImporters.freeOtpPlus(root));
                }
                if (JsonImporters.isProton(root)) {
                    return plain("Proton Authenticator", JsonImporters.proton(root));
                }
                if (JsonImporters.isSteam(root)) {
                    return plain("Steam", JsonImporters.steam(root));
                }
            }
        } catch (JsonFormatException e) {
            throw new ImportException(Text.t("The file is damaged: {0}", e.getMessage()));
        }
        throw new ImportException(Text.t("Fob does not recognise this JSON. It reads exports of Aegis, 2FAS,"
                + " Bitwarden, FreeOTP+, andOTP, Proton Authenticator, Steam and Fob"));
    }
}
