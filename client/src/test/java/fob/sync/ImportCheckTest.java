package fob.sync;

import static fob.sync.TestDevices.account;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.GzipCompression;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Before an import: a backup the server would not take is named, with both sizes; nothing else is. */
class ImportCheckTest {
    private final Random random = new Random(4);
    private final SimulatedWorld world = new SimulatedWorld();
    private final TestDevices devices = new TestDevices(world, random);
    private int asked;

    private ImportCheck check(SimulatedWorld.Device device, long limit) {
        return new ImportCheck(device.sync, GzipCompression.INSTANCE, () -> {
            asked++;
            if (limit < 0) {
                throw ServerFailure.offline();
            }
            return limit;
        }, device::clock);
    }

    @Test
    void anImportTooLargeForTheServerIsNamedAndTheLimitIsAskedOnce() throws Exception {
        SimulatedWorld.Device device = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        ImportCheck check = check(device, 200);
        String warning = check.warning(() -> device.vault);
        assertTrue(warning.startsWith("With these accounts the backup would be ") && warning.contains(" KB, more than"
                + " the 1 KB that Fob's server accepts"), warning);
        check.warning(() -> device.vault);
        assertEquals(1, asked);
        assertNull(check(device, 8_388_608).warning(() -> device.vault), "it fits");
    }

    @Test
    void withBackupOffOrTheServerOutOfReachNothingIsSaid() throws Exception {
        SimulatedWorld.Device off = devices.signedIn();
        assertNull(check(off, 10).warning(() -> off.vault));
        assertEquals(0, asked, "the server is not even asked");
        SimulatedWorld.Device on = devices.backedUp(account("Deno", "4SJHB4GSD43FZBAI7C2HLRJGPQ"));
        assertNull(check(on, -1).warning(() -> on.vault));
    }
}
