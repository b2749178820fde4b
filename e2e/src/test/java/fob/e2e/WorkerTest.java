package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BrowserTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** worker.wasm in its Web Worker, loaded as the page loads it, against Argon2id's known answers. */
class WorkerTest extends BrowserTest {
    /** Runs one request through a new worker made with the page's own Trusted Types policy. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> argon2id(String password, String salt, int secretByte, int secretLength,
            int adByte, int adLength, int memoryKiB, int iterations, int parallelism, int length) {
        return (Map<String, Object>) page.asyncJs("var done = arguments[arguments.length - 1];"
                + " var a = arguments; var fill = function (v, n) { return n ? new Uint8Array(n).fill(v) : null; };"
                + " var bytes = function (t) { return t.charAt(0) === '#' ? fill(parseInt(t.substring(1, 3), 16),"
                + "  parseInt(t.substring(4))) : new TextEncoder().encode(t); };"
                + " var version = document.querySelector('meta[name=fob-version]').content;"
                + " var worker = new Worker(self.fobPolicy.createScriptURL('/v/' + version + '/worker.js'));"
                + " worker.onerror = function (e) { done({ok: false, error: 'worker: ' + e.message}); };"
                + " worker.onmessage = function (e) { var r = e.data; worker.terminate();"
                + "  done({ok: r.ok, error: r.error || null, millis: r.millis || 0,"
                + "   hex: r.ok ? Array.from(r.result).map(function (b) { return (b + 256).toString(16).substring(1); }).join('') : null}); };"
                + " worker.postMessage({id: 1, op: 'argon2id', password: bytes(a[0]), salt: bytes(a[1]),"
                + "  secret: fill(a[2], a[3]), associatedData: fill(a[4], a[5]), memoryKiB: a[6], iterations: a[7],"
                + "  parallelism: a[8], length: a[9]});",
                password, salt, secretByte, secretLength, adByte, adLength, memoryKiB, iterations, parallelism, length);
    }

    @Test
    void argon2idInTheWorkerGivesTheKnownAnswers() {
        page.open();
        // RFC 9106 section 5.3: password 32 x 01, salt 16 x 02, secret 8 x 03, associated data 12 x 04.
        Map<String, Object> rfc = argon2id("#01:32", "#02:16", 3, 8, 4, 12, 32, 3, 4, 32);
        assertEquals(Boolean.TRUE, rfc.get("ok"), String.valueOf(rfc.get("error")));
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", rfc.get("hex"));

        // Fob's export setting, m=64 MiB t=3 p=1, against Debian's argon2 (the reference implementation).
        Map<String, Object> fob = argon2id("password", "somesaltsomesalt", 0, 0, 0, 0, 65536, 3, 1, 32);
        assertEquals("7664ad4ba1a3c999fcdd0991ffc2270f78302d2383233db5e7befc85d1bb1819", fob.get("hex"));
        System.out.println("Argon2id m=64MiB t=3 p=1 in the Wasm worker: " + fob.get("millis") + " ms");
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void theWorkerRefusesParametersOutOfBounds() {
        page.open();
        Map<String, Object> result = argon2id("p", "saltsalt", 0, 0, 0, 0, 4 << 20, 1, 1, 32);
        assertEquals(Boolean.FALSE, result.get("ok"));
        assertTrue(String.valueOf(result.get("error")).contains("memory"), String.valueOf(result.get("error")));
    }
}
