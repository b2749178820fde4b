package fob.worker;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.backup.BackupException;
import fob.backup.GzipCompression;
import fob.crypto.BouncyCastleAead;
import fob.imports.BouncyCastleKdf;
import fob.imports.ImportEntries;
import fob.imports.ImportException;
import fob.imports.ImportFile;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.kdf.Argon2id;
import fob.qr.NoQrCodeException;
import fob.qr.QrDecoder;
import fob.qr.QrEncoder;
import fob.text.Catalogue;
import fob.text.Language;
import fob.text.Text;
import java.util.Collections;

/**
 * What the worker does for the page, in plain Java (tested on the JVM): the slow key derivations, where Wasm's
 * native 64-bit integers matter; reading and decrypting import files; reading and drawing QR codes; gzip. Off the
 * page's thread, and out of its script: ZXing and the importers would be a fifth of app.js. A refusal is an
 * IllegalArgumentException whose message is for people: the worker script passes it to the page as it is.
 */
public final class WorkerTasks {
    private WorkerTasks() {
    }

    /** Argon2id; {@code secret} and {@code associatedData} may be null. Throws on parameters out of bounds. */
    public static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int memoryKiB,
            int iterations, int parallelism, int length) {
        return Argon2id.derive(password, salt, secret, associatedData, memoryKiB, iterations, parallelism, length);
    }

    /** scrypt, for Aegis vaults; throws on settings beyond what a browser can give it. */
    public static byte[] scrypt(byte[] password, byte[] salt, int n, int r, int p, int length) {
        try {
            return new BouncyCastleKdf().scrypt(password, salt, n, r, p, length);
        } catch (ImportException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Speaks the language of {@code tag} from now on, with the catalogue in {@code catalogueJson}: the importers'
     * messages are shown on the page. A catalogue that does not read leaves the worker in English.
     */
    public static void useLanguage(String tag, String catalogueJson) {
        Language language = Language.ofTag(tag);
        try {
            Text.use(language == null ? Language.ENGLISH : language, Catalogue.read(Json.parseObject(catalogueJson)));
        } catch (JsonFormatException e) {
            Text.use(Language.ENGLISH, Collections.emptyMap());
        }
    }

    public static byte[] gzip(byte[] data) {
        return GzipCompression.INSTANCE.compress(data);
    }

    /** Throws on damaged data or data that expands past {@code maxBytes}. */
    public static byte[] gunzip(byte[] gzip, int maxBytes) {
        try {
            return GzipCompression.INSTANCE.expand(gzip, maxBytes);
        } catch (BackupException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Reads an import (a file's bytes, or else text), decrypting it with {@code password} when it needs one.
     * Answers JSON: {@code {"format", "needsPassword": true}}, {@code {"format", "entries": [...]}}, or
     * {@code {"error": "<for people>"}}.
     */
    public static String readImport(byte[] bytes, String text, String password) {
        JsonObject answer = new JsonObject();
        try {
            ImportFile file = bytes != null ? ImportFile.read(bytes) : ImportFile.read(text == null ? "" : text);
            answer.put("format", file.format());
            if (file.needsPassword() && (password == null || password.isEmpty())) {
                answer.put("needsPassword", true);
            } else {
                answer.put("entries", ImportEntries.toJson(file.needsPassword()
                        ? file.decrypt(password, new BouncyCastleKdf(), new BouncyCastleAead()) : file.entries()));
            }
        } catch (ImportException e) {
            answer.put("error", e.getMessage());
        }
        return JsonWriter.string(answer);
    }

    /** The text of the QR code in RGBA pixels, or null when there is none. */
    public static String decodeQr(byte[] rgba, int width, int height) {
        try {
            return QrDecoder.decode(QrDecoder.luminanceOfRgba(rgba, width, height), width, height);
        } catch (NoQrCodeException e) {
            return null;
        }
    }

    /** The QR code of {@code text} as a string of '1' (dark) and '0' (light), row by row; its side is its sqrt. */
    public static String encodeQr(String text) {
        boolean[][] modules = QrEncoder.encode(text);
        StringBuilder bits = new StringBuilder(modules.length * modules.length);
        for (boolean[] row : modules) {
            for (boolean module : row) {
                bits.append(module ? '1' : '0');
            }
        }
        return bits.toString();
    }
}
