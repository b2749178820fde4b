package fob.worker;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.crypto.BouncyCastleAead;
import fob.imports.BouncyCastleKdf;
import fob.imports.ImportEntries;
import fob.imports.ImportException;
import fob.imports.ImportFile;
import fob.qr.NoQrCodeException;
import fob.qr.QrDecoder;
import fob.qr.QrEncoder;

/**
 * What the worker does for the page, in plain Java (tested on the JVM): reading and decrypting import files,
 * and reading and drawing QR codes. Off the page's thread, and out of its script: ZXing and the importers
 * would be a fifth of app.js.
 */
public final class WorkerTasks {
    private WorkerTasks() {
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
