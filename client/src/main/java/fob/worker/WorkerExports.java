package fob.worker;

import fob.backup.BackupException;
import fob.backup.GzipCompression;
import fob.imports.BouncyCastleKdf;
import fob.imports.ImportException;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.kdf.Argon2id;
import fob.text.Catalogue;
import fob.text.Language;
import fob.text.Text;
import java.util.Collections;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The worker's entry points (static/worker.js calls them), compiled to WebAssembly: the slow key
 * derivations, where Wasm's native 64-bit integers matter, and the work of {@link WorkerTasks}, which keeps
 * the page's thread free and its script small.
 */
public final class WorkerExports {
    private WorkerExports() {
    }

    public static void main(String[] args) {
        // Nothing to start: the worker script calls the exported functions.
    }

    /** Argon2id; {@code secret} and {@code associatedData} may be null. Throws on parameters out of bounds. */
    @JSExport
    public static Int8Array argon2id(Int8Array password, Int8Array salt, Int8Array secret, Int8Array associatedData,
            int memoryKiB, int iterations, int parallelism, int length) {
        byte[] key = Argon2id.derive(password.copyToJavaArray(), salt.copyToJavaArray(),
                secret == null ? null : secret.copyToJavaArray(),
                associatedData == null ? null : associatedData.copyToJavaArray(),
                memoryKiB, iterations, parallelism, length);
        return Int8Array.copyFromJavaArray(key);
    }

    /** scrypt, for Aegis vaults; throws on settings beyond what a browser can give it. */
    @JSExport
    public static Int8Array scrypt(Int8Array password, Int8Array salt, int n, int r, int p, int length) {
        try {
            return Int8Array.copyFromJavaArray(new BouncyCastleKdf().scrypt(password.copyToJavaArray(),
                    salt.copyToJavaArray(), n, r, p, length));
        } catch (ImportException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Speaks the page's language from now on: the importers' messages are shown on the page. */
    @JSExport
    public static void useLanguage(String tag, String catalogueJson) {
        Language language = Language.ofTag(tag);
        try {
            Text.use(language == null ? Language.ENGLISH : language, Catalogue.read(Json.parseObject(catalogueJson)));
        } catch (JsonFormatException e) {
            Text.use(Language.ENGLISH, Collections.emptyMap());
        }
    }

    @JSExport
    public static Int8Array gzip(Int8Array data) {
        return Int8Array.copyFromJavaArray(GzipCompression.INSTANCE.compress(data.copyToJavaArray()));
    }

    /** Throws, with the message for people, on damaged data or data that expands past {@code maxBytes}. */
    @JSExport
    public static Int8Array gunzip(Int8Array data, int maxBytes) {
        try {
            return Int8Array.copyFromJavaArray(GzipCompression.INSTANCE.expand(data.copyToJavaArray(), maxBytes));
        } catch (BackupException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @JSExport
    public static String readImport(Int8Array bytes, String text, String password) {
        return WorkerTasks.readImport(bytes == null ? null : bytes.copyToJavaArray(), text, password);
    }

    @JSExport
    public static String decodeQr(Int8Array rgba, int width, int height) {
        return WorkerTasks.decodeQr(rgba.copyToJavaArray(), width, height);
    }

    @JSExport
    public static String encodeQr(String text) {
        return WorkerTasks.encodeQr(text);
    }
}
