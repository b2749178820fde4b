package fob.sync;

import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.backup.SealedPasskeySlot;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import java.util.List;
import java.util.Random;

/** The sync tests' devices in a {@link SimulatedWorld}: signed in to Ann's recovery account, backed up, forged. */
final class TestDevices {
    private final SimulatedWorld world;
    private final Random random;

    TestDevices(SimulatedWorld world, Random random) {
        this.world = world;
        this.random = random;
    }

    /** A new device, signed in to the first recovery account ("Ann", made when there is none). */
    SimulatedWorld.Device signedIn() {
        if (world.accounts.isEmpty()) {
            world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-a", "Ann", random));
        }
        SimulatedWorld.Device device = world.addDevice(random);
        device.signedInAs = world.accounts.get(0);
        device.sync.signedIn(device.signedInAs.asServerAccount());
        return device;
    }

    static Account account(String issuer, String secret) throws Exception {
        return Account.fromLink(issuer, OtpAuthLink.parse("otpauth://totp/" + issuer + ":x?secret=" + secret
                + "&issuer=" + issuer), AccountKind.STANDARD, 1);
    }

    /** A signed-in device with backup on and up to date, holding {@code account}. */
    SimulatedWorld.Device backedUp(Account account) throws Exception {
        SimulatedWorld.Device device = signedIn();
        device.personChanges(v -> v.add(account));
        device.sync.enable(device.signedInAs.passkey);
        world.advance(0);
        world.advance(BackupSync.DEBOUNCE_MILLIS);
        return device;
    }

    /** The forger's envelope: a key of its own sealed to the device's passkey slot, one account "Planted". */
    String forgeWithTheSlotsPublicKey(SimulatedWorld.Device victim, String lineage) throws Exception {
        BackupServer.Stored stored = victim.get(null);
        Envelope real = Envelope.parse(stored.body);
        SealedPasskeySlot slot = (SealedPasskeySlot) real.slots().stream()
                .filter(s -> s instanceof SealedPasskeySlot).findFirst().orElseThrow();
        byte[] forgedKey = SimulatedWorld.CODEC.newVaultKey();
        Header header = new Header(lineage, List.of(SimulatedWorld.CODEC.resealed(slot, forgedKey)));
        Vault planted = Vault.EMPTY.add(account("Planted", "JBSWY3DPEHPK3PXP"));
        String forged = SimulatedWorld.CODEC.seal(forgedKey, header, new BackupPayload(99, world.now, planted)
                .toBytes()).toJson();
        victim.put(forged, stored.etag);
        return forged;
    }
}
