package fob.sync;

import static org.junit.jupiter.api.Assertions.fail;

import fob.imports.ImportEntry;
import fob.imports.ImportPlan;
import fob.link.OtpAuthLink;
import fob.local.StorageException;
import fob.vault.Account;
import fob.vault.AccountEdits;
import fob.vault.AccountKind;
import fob.vault.Deleted;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of the sync core (issue 11): random sequences of steps (adds, edits, deletes, reorders, HOTP
 * counters, imports, Recently deleted, offline periods, clocks that drift, sign-outs, other recovery accounts,
 * backup off and on, deletion for all devices, new devices restoring, a second tab of each browser) against a simulated server and devices. After
 * every step it checks:
 * <ul>
 * <li>no account leaves a device unless the person deleted it there, and then it sits in Recently deleted; no
 * account added by a person and never deleted by one is gone from every device;
 * <li>nothing is duplicated (ids, secrets), and applying an import or a restore a second time adds nothing;
 * <li>once every device is online and has synced, all devices on one backup hold the same accounts in one order;
 * <li>no device ever writes over a backup it could not open, or to another recovery account than its own;
 * <li>a placeholder never replaces a secret;
 * <li>once the tabs of a browser have told each other, each knows whether backup is on, and for which account and
 * backup, as the browser's storage says.
 * </ul>
 * The server may be Byzantine ({@link Adversary}): in about 8% of steps it forges the backup under a key of its
 * own, serves an older genuine version, says the backup is gone, answers 412 for a while, or commits a write and
 * loses the answer. Against it, after every step ({@code checkAgainstAdversary}):
 * <ul>
 * <li>no envelope an honest device uploaded opens with a key the adversary made;
 * <li>no device accepts, in a lineage, a revision below the highest it saw there, also after it left that backup
 * (stopped, deleted elsewhere, switched account) and came back;
 * <li>the newest recovery code the person was shown opens the server's newest genuine backup of that lineage (when
 * the adversary has not replaced it);
 * <li>a refusal (a BackupException, or a failure of the server) is fine only in a step where the server lied.
 * </ul>
 * A failure prints its seed and the shortest sequence of steps found that still fails. {@code
 * -Dfob.syncModel.sequences=N} and {@code -Dfob.syncModel.steps=M} set the size (CI: 100 x 100 steps);
 * {@code -Dfob.syncModel.seed=S} replays one sequence, and {@code -Dfob.syncModel.trace=true} prints every write.
 * {@code -Dfob.syncModel.adversary=forge,rollback,gone,conflicts,lostResponse} picks the adversary's moves (default
 * all; {@code none} for an honest server, whose sequences are then the same as before the adversary), and {@code
 * -Dfob.syncModel.adversaryPercent=P} how often it moves.
 */
class SyncModelTest {
    private static final int SEQUENCES = Integer.getInteger("fob.syncModel.sequences", 100);
    private static final int STEPS = Integer.getInteger("fob.syncModel.steps", 100);

    /** One step: what it does is drawn from its own seed, so that a shortened sequence replays the rest alike. */
    private static final class Step {
        final int kind;
        final long seed;

        Step(int kind, long seed) {
            this.kind = kind;
            this.seed = seed;
        }
    }

    private static final String[] KINDS = {"add", "edit", "delete", "reorder", "next HOTP code", "import twice",
        "restore from Recently deleted", "go offline", "come online", "time passes", "pull", "sign out",
        "sign in", "sign in to the other account", "turn backup on", "stop on this device",
        "delete backup for all devices", "clock drifts", "new device restores", "rotate keys", "settle",
        "pull in another tab", "stop in another tab",
        // The adversary's moves (a Byzantine server, see Adversary): indices ADVERSARY_KINDS on.
        "server forges the backup", "server serves an old version", "server says the backup is gone",
        "server answers 412 for a while", "server commits writes and loses the response"};
    /** The first of the adversary's kinds, in the order of {@link Adversary.Move}. */
    private static final int ADVERSARY_KINDS = 23;
    /** How often (percent of steps) the adversary moves, when any of its moves is allowed. */
    private static final int ADVERSARY_PERCENT = Integer.getInteger("fob.syncModel.adversaryPercent", 8);
    /**
     * Invariant 3 by default holds a device to the highest revision it saw in a lineage while it stays on that
     * lineage; with this set, also after it left it (backup stopped, "deleted on another device") and came back.
     */

    /** Rotations that went through, and devices that then adopted the new key: the summary shows they happened. */
    private static long rotated;
    private static long adopted;
    /** The adversary's moves made and the honest uploads checked against its keys, for the summary. */
    private static final Map<Adversary.Move, Integer> adversaryMoves = new java.util.EnumMap<>(Adversary.Move.class);
    private static long forgedKeys;
    private static long uploadsChecked;

    @Test
    void randomSequencesKeepEveryInvariant() {
        Long replay = Long.getLong("fob.syncModel.seed");
        long base = replay != null ? replay : new Random().nextLong();
        int sequences = replay != null ? 1 : SEQUENCES;
        long steps = 0;
        for (int i = 0; i < sequences; i++) {
            long seed = base + i;
            List<Step> sequence = generate(seed);
            String failure = run(seed, sequence);
            if (failure != null) {
                List<Step> shortest = shrink(seed, sequence);
                fail("SyncModelTest failed with seed " + seed + " (replay with -Dfob.syncModel.seed=" + seed
                        + " -Dfob.syncModel.adversary=" + System.getProperty("fob.syncModel.adversary", "all") + "), sequence "
                        + (i + 1) + " of " + sequences + ", " + steps + " steps passed before it;"
                        + " in the full sequence " + failure + "\nShortened: " + run(seed, shortest)
                        + "\nShortest failing sequence (" + shortest.size() + " of " + sequence.size() + " steps): "
                        + describe(shortest));
            }
            steps += sequence.size();
        }
        System.out.println("SyncModelTest: " + sequences + " sequences, " + steps + " steps, seeds " + base + " to "
                + (base + sequences - 1) + ", " + rotated + " key rotations, " + adopted + " adoptions of a rotated key,"
                + " adversary " + Adversary.MOVES + " moved " + adversaryMoves + " with " + forgedKeys + " keys of its"
                + " own, " + uploadsChecked + " honest uploads tried against them, no invariant violated");
    }

    private static List<Step> generate(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        List<Adversary.Move> moves = new ArrayList<>(Adversary.MOVES);
        for (int i = 0; i < STEPS; i++) {
            // Only drawn when the adversary may move: with none allowed, a seed makes the same steps as before it.
            if (!moves.isEmpty() && random.nextInt(100) < ADVERSARY_PERCENT) {
                Adversary.Move move = moves.get(random.nextInt(moves.size()));
                steps.add(new Step(ADVERSARY_KINDS + move.ordinal(), random.nextLong()));
                continue;
            }
            int roll = random.nextInt(100);
            int kind = roll < 12 ? 0 : roll < 18 ? 1 : roll < 24 ? 2 : roll < 29 ? 3 : roll < 32 ? 4 : roll < 35 ? 5
                    : roll < 38 ? 6 : roll < 42 ? 7 : roll < 47 ? 8 : roll < 58 ? 9 : roll < 60 ? 21 : roll < 62 ? 22
                    : roll < 67 ? 10 : roll < 70 ? 11
                    : roll < 74 ? 12 : roll < 76 ? 13 : roll < 82 ? 14 : roll < 84 ? 15 : roll < 86 ? 16
                    : roll < 89 ? 17 : roll < 91 ? 18 : roll < 94 ? 19 : 20;
            steps.add(new Step(kind, random.nextLong()));
        }
        return steps;
    }

    private static String describe(List<Step> steps) {
        List<String> names = new ArrayList<>();
        for (Step step : steps) {
            names.add(KINDS[step.kind] + " (" + Long.toHexString(step.seed) + ")");
        }
        return String.join(", ", names);
    }

    /** Removes steps while the sequence still fails: the shortest failing sequence found. */
    private static List<Step> shrink(long seed, List<Step> failing) {
        List<Step> current = new ArrayList<>(failing);
        boolean shorter = true;
        for (int rounds = 0; shorter && rounds < 20; rounds++) {
            shorter = false;
            for (int i = current.size() - 1; i >= 0; i--) {
                List<Step> candidate = new ArrayList<>(current);
                candidate.remove(i);
                if (run(seed, candidate) != null) {
                    current = candidate;
                    shorter = true;
                }
            }
        }
        return current;
    }

    /** Runs one sequence in a new world; the first invariant it breaks, or null. */
    private static String run(long seed, List<Step> steps) {
        Model model = new Model(seed);
        try {
            return run(model, steps);
        } finally {
            for (Map.Entry<Adversary.Move, Integer> made : model.world.adversary.made.entrySet()) {
                adversaryMoves.merge(made.getKey(), made.getValue(), Integer::sum);
            }
            forgedKeys += model.world.adversary.keys.size();
            uploadsChecked += model.uploadsChecked;
        }
    }

    private static String run(Model model, List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            String broken;
            try {
                broken = model.step(steps.get(i));
            } catch (RuntimeException | VaultException e) {
                broken = "step threw " + e;
            }
            if (broken != null) {
                return "after step " + (i + 1) + " (" + KINDS[steps.get(i).kind] + "): " + broken;
            }
        }
        return null;
    }

    /** The world, and what the person did in it. */
    private static final class Model {
        final SimulatedWorld world = new SimulatedWorld();
        /** Accounts a person added and never deleted: each must stay on some device. */
        final Map<String, String> keptByPerson = new HashMap<>();
        /** Per device: what it held (accounts and Recently deleted) after the last step, by credential. */
        final Map<SimulatedWorld.Device, Set<String>> held = new HashMap<>();
        /** Per device: the ids it held with their secret. */
        final Map<SimulatedWorld.Device, Set<String>> withSecret = new HashMap<>();
        /** Per device: the highest revision its stored state accepted, by recovery account and lineage. */
        final Map<SimulatedWorld.Device, Map<String, Long>> revisionSeen = new HashMap<>();
        /** Per recovery account: the newest recovery code the person was shown, and the lineage it was shown for. */
        final Map<String, String[]> codeShown = new HashMap<>();
        /** How many of the server's honest uploads were already tried against the adversary's keys. */
        int uploadsChecked;
        int added;

        Model(long seed) {
            Random random = new Random(seed);
            world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-a", "Ann", random));
            world.accounts.add(new SimulatedWorld.RecoveryAccount("acct-b", "Bo", random));
            // Two devices of one person, both signed in to Ann's recovery account with backup on.
            for (int i = 0; i < 2; i++) {
                SimulatedWorld.Device device = world.addDevice(random);
                device.signedInAs = world.accounts.get(0);
                device.sync.signedIn(device.signedInAs.asServerAccount());
            }
            try {
                turnOn(world.devices.get(0));
                turnOn(world.devices.get(1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            world.advance(5000);
            remember();
        }

        String step(Step step) throws VaultException {
            Random random = new Random(step.seed);
            SimulatedWorld.Device device = world.devices.get(random.nextInt(world.devices.size()));
            long now = device.clock();
            Adversary adversary = world.adversary;
            adversary.clearInterfered();
            switch (KINDS[step.kind]) {
                case "server forges the backup": {
                    String account = target(device);
                    long revision = 0;
                    for (SimulatedWorld.Device each : world.devices) {
                        if (account.equals(each.stored.accountId)) {
                            revision = Math.max(revision, each.stored.lastRevision);
                        }
                    }
                    adversary.forge(account, random, device.vault, revision, now);
                    break;
                }
                case "server serves an old version":
                    adversary.rollback(target(device), random);
                    break;
                case "server says the backup is gone":
                    adversary.gone(target(device), random);
                    break;
                case "server answers 412 for a while":
                    adversary.conflicts(random);
                    break;
                case "server commits writes and loses the response":
                    adversary.loseResponses(random);
                    break;
                case "add": {
                    Account account = newAccount(random, now);
                    device.personChanges(v -> v.add(account));
                    keptByPerson.put(account.id(), SimulatedWorld.credentialKey(account));
                    break;
                }
                case "edit": {
                    Account target = pick(device.vault.accounts(), random);
                    if (target != null) {
                        device.personChanges(v -> v.find(target.id()) == null ? v : v.replace(target.edited(
                                target.kind(), target.issuer() + "'", target.name(), target.otp(), target.note(),
                                now)));
                    }
                    break;
                }
                case "delete": {
                    Account target = pick(device.vault.accounts(), random);
                    if (target != null) {
                        device.personChanges(v -> v.remove(target.id(), now));
                        keptByPerson.remove(target.id());
                    }
                    break;
                }
                case "reorder": {
                    Account target = pick(device.vault.accounts(), random);
                    int index = target == null ? -1 : device.vault.accounts().indexOf(target);
                    if (target != null && device.vault.accounts().size() > 1) {
                        int offset = index == 0 ? 1 : index == device.vault.accounts().size() - 1 ? -1
                                : random.nextBoolean() ? 1 : -1;
                        device.personChanges(v -> v.move(target.id(), offset, now));
                    }
                    break;
                }
                case "next HOTP code": {
                    for (Account account : device.vault.accounts()) {
                        if (!account.isPlaceholder() && account.otp().type() == fob.otp.OtpType.HOTP) {
                            // What "Next code" does in the page, by the account's id in the newest vault.
                            device.personChanges(v -> AccountEdits.nextCode(v, account.id(), now).vault());
                            break;
                        }
                    }
                    break;
                }
                case "import twice": {
                    List<ImportEntry> entries = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        Account account = newAccount(random, now);
                        entries.add(ImportEntry.of(new OtpAuthLink(account.issuer(), account.name(), account.otp())));
                    }
                    ImportPlan plan = ImportPlan.of(device.vault, entries);
                    List<Integer> all = List.of(0, 1);
                    device.personChanges(v -> plan.apply(v, all, now));
                    int size = device.vault.accounts().size();
                    try {
                        device.personChanges(v -> plan.apply(v, all, now));
                    } catch (VaultException expected) {
                        // Refused: the accounts are in Fob already.
                    }
                    if (device.vault.accounts().size() != size) {
                        return "importing the same plan a second time added accounts";
                    }
                    for (Account account : device.vault.accounts()) {
                        for (ImportEntry entry : entries) {
                            if (!account.isPlaceholder() && account.otp().sameCredentialAs(entry.account().parameters())) {
                                keptByPerson.put(account.id(), SimulatedWorld.credentialKey(account));
                            }
                        }
                    }
                    break;
                }
                case "restore from Recently deleted": {
                    List<Deleted> bin = device.vault.recentlyDeleted();
                    if (!bin.isEmpty()) {
                        Deleted entry = bin.get(random.nextInt(bin.size()));
                        try {
                            device.personChanges(v -> v.restoreDeleted(entry.account().id(), now));
                            keptByPerson.put(entry.account().id(), SimulatedWorld.credentialKey(entry.account()));
                        } catch (VaultException refused) {
                            // Its secret is here again under another account: refused, with a reason.
                        }
                    }
                    break;
                }
                case "go offline":
                    device.online = false;
                    break;
                case "come online":
                    device.online = true;
                    device.sync.retryNow();
                    break;
                case "time passes":
                    world.advance(random.nextInt(4000));
                    break;
                case "pull":
                    device.sync.pull();
                    break;
                case "pull in another tab":
                    device.otherTab.pull();
                    break;
                case "stop in another tab":
                    if (device.otherTab.state().enabled) {
                        try {
                            device.otherTab.stopOnThisDevice();
                        } catch (StorageException e) {
                            return "stopping failed: " + e.getMessage();
                        }
                    }
                    break;
                case "sign out":
                    device.signedInAs = null;
                    device.sync.signedOut();
                    break;
                case "sign in":
                    signIn(device, device.sync.state().accountId == null ? world.accounts.get(0)
                            : world.account(device.sync.state().accountId), random);
                    break;
                case "sign in to the other account": {
                    SimulatedWorld.RecoveryAccount other = world.accounts.get(
                            "acct-a".equals(device.sync.state().accountId) ? 1 : 0);
                    signIn(device, other, random);
                    break;
                }
                case "turn backup on":
                    if (device.signedInAs != null && device.online && !device.sync.state().enabled) {
                        try {
                            turnOn(device);
                        } catch (UnfinishedRotationException e) {
                            refusedForAnUnfinishedRotation(device);
                        } catch (ServerFailure | fob.backup.BackupException e) {
                            // Refused, or the answer lost: fine only when the server lied to this step.
                            if (!adversary.interfered()) {
                                return "turning backup on failed: " + e.getMessage();
                            }
                        } catch (StorageException e) {
                            return "turning backup on failed: " + e.getMessage();
                        }
                    }
                    break;
                case "stop on this device":
                    try {
                        device.sync.stopOnThisDevice();
                    } catch (StorageException e) {
                        return e.getMessage();
                    }
                    break;
                case "delete backup for all devices":
                    if (device.signedInAs != null && device.online && device.sync.state().enabled) {
                        try {
                            device.sync.deleteForAllDevices();
                        } catch (ServerFailure e) {
                            if (!adversary.interfered()) {
                                return "deleting failed: " + e.getMessage();
                            }
                        } catch (StorageException e) {
                            return "deleting failed: " + e.getMessage();
                        }
                    }
                    break;
                case "clock drifts":
                    // Up to an hour either way: past the five minutes a merge allows.
                    device.drift = random.nextInt(7_200_001) - 3_600_000L;
                    break;
                case "new device restores":
                    if (world.devices.size() < 4) {
                        SimulatedWorld.Device fresh = world.addDevice(random);
                        fresh.signedInAs = world.accounts.get(random.nextInt(world.accounts.size()));
                        fresh.sync.signedIn(fresh.signedInAs.asServerAccount());
                        try {
                            Restore restore = fresh.sync.beginRestore(fresh.signedInAs.passkey);
                            if (restore != null && restore.needsRecoveryCode()) {
                                if (adversary.interfered()) {
                                    // A forgery without this passkey's slot: the person would need the code.
                                    break;
                                }
                                return "the account's passkey no longer opens its backup on a new device";
                            }
                            if (restore != null) {
                                int count = restore.apply();
                                Vault once = fresh.vault;
                                int again = restore.apply();
                                if (again != 0) {
                                    return "restoring the same backup a second time changed the count by " + again
                                            + ": " + once.accounts() + " became " + fresh.vault.accounts();
                                }
                                if (count != restore.accountCount()) {
                                    return "a restore into an empty vault brought " + count + " of "
                                            + restore.accountCount() + " accounts";
                                }
                            }
                        } catch (ServerFailure | fob.backup.BackupException e) {
                            if (!adversary.interfered()) {
                                return "restore failed: " + e.getMessage();
                            }
                        } catch (StorageException e) {
                            return "restore failed: " + e.getMessage();
                        }
                    }
                    break;
                case "rotate keys":
                    if (device.signedInAs != null && device.online && device.sync.state().enabled) {
                        try {
                            Rotation rotation = device.sync.rotate(device.signedInAs.passkey, null);
                            shown(device, rotation.recoveryCode);
                            rotated++;
                        } catch (fob.backup.BackupException e) {
                            // Refused with a reason (another device rotated first, or the backup is gone): fine.
                        } catch (ServerFailure e) {
                            // The answer lost: the person sees the rotation fail, and is shown no code.
                            if (!adversary.interfered()) {
                                return "rotating failed: " + e.getMessage();
                            }
                        } catch (StorageException e) {
                            return "rotating failed: " + e.getMessage();
                        }
                    }
                    break;
                case "settle":
                    return settle();
                default:
                    throw new IllegalStateException(KINDS[step.kind]);
            }
            for (SimulatedWorld.Device each : world.devices) {
                each.runDue();
            }
            showUnsavedCodes(random);
            return check();
        }

        /**
         * What each open page shows at its start and after a rotation it finished: the code the person has not
         * confirmed saving. The person sees it, and mostly confirms ("I have saved it"); left unconfirmed, it is
         * shown again.
         */
        private void showUnsavedCodes(Random random) {
            for (SimulatedWorld.Device each : world.devices) {
                String unsaved = each.sync.unsavedRecoveryCode();
                if (unsaved != null) {
                    shown(each, unsaved);
                    if (random.nextInt(3) > 0) {
                        try {
                            each.sync.recoveryCodeSaved(unsaved);
                        } catch (StorageException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }

        /** A passkey sign-in, as the page makes it: the sync core hears of it, and adopts rotated keys. */
        private static void passkeySignIn(SimulatedWorld.Device device, SimulatedWorld.RecoveryAccount account)
                throws VaultException {
            device.signedInAs = account;
            device.sync.signedIn(account.asServerAccount());
            try {
                if (device.sync.adoptRotatedKey(account.passkey)) {
                    adopted++;
                }
            } catch (ServerFailure | StorageException | fob.backup.BackupException e) {
                // Offline, or refused with a reason (a rollback): the status says so.
            }
        }

        private void signIn(SimulatedWorld.Device device, SimulatedWorld.RecoveryAccount account, Random random)
                throws VaultException {
            passkeySignIn(device, account);
            if (device.sync.status() == SyncStatus.OTHER_ACCOUNT && device.online && random.nextBoolean()) {
                try {
                    Enabled enabled = device.sync.switchToSignedInAccount(account.passkey);
                    applied(device, enabled);
                } catch (UnfinishedRotationException e) {
                    refusedForAnUnfinishedRotation(device);
                } catch (ServerFailure | fob.backup.BackupException e) {
                    if (!world.adversary.interfered()) {
                        throw new IllegalStateException("switching accounts failed", e);
                    }
                } catch (StorageException e) {
                    throw new IllegalStateException("switching accounts failed", e);
                }
            }
        }

        /** A refusal to join another account while a rotation is unfinished: only where one truly is. */
        private static void refusedForAnUnfinishedRotation(SimulatedWorld.Device device) {
            PendingCode kept = device.stored.pendingCode;
            if (kept == null || !kept.awaitsAdoption()) {
                throw new IllegalStateException(device + " refused to join for a rotation it does not have");
            }
        }

        private void turnOn(SimulatedWorld.Device device) throws ServerFailure, StorageException,
                fob.backup.BackupException, VaultException {
            applied(device, device.sync.enable(device.signedInAs.passkey));
        }

        /** After backup was turned on: the existing backup restored or merged, or the new code shown. */
        private void applied(SimulatedWorld.Device device, Enabled enabled) throws StorageException,
                VaultException, fob.backup.BackupException {
            if (enabled.existing != null && enabled.existing.needsRecoveryCode()) {
                // The passkey has no slot in what the server sent: only a forgery lacks it. The person types the
                // newest code they were shown, which must not open it.
                String[] code = codeShown.get(device.signedInAs.id);
                if (!world.adversary.interfered()) {
                    throw new IllegalStateException("the account's passkey no longer opens its backup");
                }
                if (code == null) {
                    throw new fob.backup.BackupException("the person has no recovery code for this account");
                }
                enabled.existing.openWithRecoveryCode(code[0]);
            }
            if (enabled.existing != null) {
                enabled.existing.apply();
            }
            shown(device, enabled.recoveryCode);
        }

        /** The person saw {@code code} (null: none) for the backup {@code device} now belongs to. */
        private void shown(SimulatedWorld.Device device, String code) {
            if (code != null) {
                codeShown.put(device.stored.accountId, new String[] {code, device.stored.lineage});
            }
        }

        /** The recovery account an adversary's move aims at: the device's backup's, else its session's. */
        private String target(SimulatedWorld.Device device) {
            return device.stored.accountId != null ? device.stored.accountId
                    : device.signedInAs != null ? device.signedInAs.id : world.accounts.get(0).id;
        }

        private Account newAccount(Random random, long now) {
            byte[] secret = new byte[10];
            random.nextBytes(secret);
            boolean hotp = random.nextInt(5) == 0;
            boolean work = random.nextInt(6) == 0;
            String issuer = "Acct" + (++added);
            try {
                OtpAuthLink link = OtpAuthLink.parse("otpauth://" + (hotp ? "hotp" : "totp") + "/" + issuer
                        + ":x?secret=" + fob.codec.Base32.encode(secret) + "&issuer=" + issuer);
                return Account.fromLink(Long.toHexString(random.nextLong()) + "-" + added, link,
                        work ? AccountKind.WORK_OR_SCHOOL : AccountKind.STANDARD, now);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static <T> T pick(List<T> list, Random random) {
            return list.isEmpty() ? null : list.get(random.nextInt(list.size()));
        }

        /**
         * Every device online, its clock right, signed in to the account its backup belongs to, and synced until
         * nothing moves: then the devices on one backup must agree. Time first passes beyond the furthest a clock
         * ran ahead (an hour), since a stamp from the future counts as "now" on each device until then.
         */
        private String settle() {
            // The adversary stops lying (what it wrote stays): honest devices must then come to agree.
            world.adversary.standDown();
            world.now += 3_600_001;
            for (SimulatedWorld.Device device : world.devices) {
                device.online = true;
                device.drift = 0;
                SyncState state = device.sync.state();
                if (state.enabled && state.accountId != null) {
                    try {
                        passkeySignIn(device, world.account(state.accountId));
                    } catch (VaultException e) {
                        return "adopting rotated keys failed: " + e.getMessage();
                    }
                }
            }
            for (int round = 0, quiet = 0; round < 30 && quiet < 2; round++) {
                long writes = world.writes;
                for (SimulatedWorld.Device device : world.devices) {
                    device.sync.pull();
                }
                world.advance(BackupSync.MAX_RETRY_MILLIS + 1);
                quiet = world.writes == writes ? quiet + 1 : 0;
            }
            String broken = check();
            if (broken != null) {
                return broken;
            }
            Map<String, List<String>> byBackup = new HashMap<>();
            for (SimulatedWorld.Device device : world.devices) {
                SyncState state = device.sync.state();
                if (!state.enabled || device.sync.status() == SyncStatus.OUT_OF_DATE) {
                    continue;
                }
                SimulatedWorld.StoredBackup current = world.current(state.accountId);
                if (device.sync.status() == SyncStatus.KEYS_CHANGED && current != null && current.forged) {
                    // The server holds the adversary's forgery, which this device (rightly) cannot open and will not
                    // write over: it waits, with nothing to agree on.
                    continue;
                }
                List<String> shown = new ArrayList<>();
                for (Account account : device.vault.accounts()) {
                    shown.add(account.id() + " " + account.issuer());
                }
                String backup = state.accountId + "/" + state.lineage;
                List<String> other = byBackup.putIfAbsent(backup, shown);
                if (other != null && !other.equals(shown)) {
                    return "after syncing, " + device + " holds " + shown + " but another device on the same backup "
                            + other + "; " + states();
                }
            }
            return null;
        }

        private String states() {
            List<String> states = new ArrayList<>();
            for (SimulatedWorld.Device device : world.devices) {
                SyncState state = device.sync.state();
                states.add(device + ": " + device.sync.status() + " '" + device.sync.problem() + "' enabled "
                        + state.enabled + " pending " + state.pending + " etag " + state.etag + " revision "
                        + state.lastRevision + " account " + state.accountId + " lineage " + state.lineage + " drift "
                        + device.drift);
            }
            return String.join("; ", states);
        }

        private String check() {
            if (!world.violations.isEmpty()) {
                return world.violations.get(0);
            }
            String broken = checkAgainstAdversary();
            if (broken != null) {
                return broken;
            }
            for (SimulatedWorld.Device device : world.devices) {
                device.deliverTabMessages();
                SyncState stored = device.stored;
                for (BackupSync tab : List.of(device.sync, device.otherTab)) {
                    SyncState known = tab.state();
                    if (known.enabled != stored.enabled || !java.util.Objects.equals(known.accountId, stored.accountId)
                            || !java.util.Objects.equals(known.lineage, stored.lineage)) {
                        return "a tab of " + device + " believes backup is " + (known.enabled ? "on" : "off") + " for "
                                + known.accountId + "/" + known.lineage + ", but the browser's storage says "
                                + (stored.enabled ? "on" : "off") + " for " + stored.accountId + "/" + stored.lineage;
                    }
                }
            }
            Set<String> everywhere = new HashSet<>();
            for (SimulatedWorld.Device device : world.devices) {
                Set<String> ids = new HashSet<>();
                Set<String> credentials = new HashSet<>();
                Set<String> now = new HashSet<>();
                Set<String> secrets = new HashSet<>();
                for (Account account : device.vault.accounts()) {
                    if (!ids.add(account.id())) {
                        return device + " holds account " + account.id() + " twice";
                    }
                    String credential = SimulatedWorld.credentialKey(account);
                    if (!account.isPlaceholder() && !credentials.add(credential)) {
                        return device + " holds one secret twice: " + account;
                    }
                    now.add(credential);
                    now.add("id:" + account.id());
                    everywhere.add(credential);
                    if (!account.isPlaceholder()) {
                        secrets.add(account.id());
                    }
                }
                for (Deleted deleted : device.vault.recentlyDeleted()) {
                    now.add(SimulatedWorld.credentialKey(deleted.account()));
                    now.add("id:" + deleted.account().id());
                    if (!deleted.account().isPlaceholder()) {
                        secrets.add(deleted.account().id());
                    }
                }
                Set<String> before = held.getOrDefault(device, Set.of());
                for (String credential : before) {
                    if (!now.contains(credential)) {
                        return "an account (" + credential + ") left " + device + " without going to Recently deleted;"
                                + " it holds " + device.vault.accounts() + ", deleted " + deletedIds(device);
                    }
                }
                for (String id : withSecret.getOrDefault(device, Set.of())) {
                    if (!secrets.contains(id)) {
                        return "a placeholder replaced the secret of account " + id + " on " + device;
                    }
                }
            }
            for (Map.Entry<String, String> kept : keptByPerson.entrySet()) {
                if (!everywhere.contains(kept.getValue()) && !inSomeBin(kept.getValue())) {
                    return "account " + kept.getKey() + ", never deleted by a person, is on no device";
                }
            }
            remember();
            return null;
        }

        /**
         * The invariants a Byzantine server must not break: (1) no honest upload opens with a key the adversary made;
         * (3) no device accepts, in a lineage, a revision below the highest it saw there; (4) the newest recovery
         * code the person was shown opens the server's newest genuine backup of that lineage.
         */
        private String checkAgainstAdversary() {
            List<String> uploads = world.honestUploads;
            for (; uploadsChecked < uploads.size(); uploadsChecked++) {
                if (world.adversary.keyOpening(uploads.get(uploadsChecked)) != null) {
                    return "an honest device uploaded an envelope that opens with a key the adversary made (upload "
                            + (uploadsChecked + 1) + " of " + uploads.size() + "): every secret in it is the"
                            + " adversary's; " + states();
                }
            }
            for (SimulatedWorld.Device device : world.devices) {
                SyncState state = device.stored;
                Map<String, Long> seen = revisionSeen.computeIfAbsent(device, d -> new HashMap<>());
                String lineage = state.enabled && state.lineage != null ? state.accountId + "/" + state.lineage : null;
                if (lineage != null) {
                    Long highest = seen.get(lineage);
                    if (highest != null && state.lastRevision < highest) {
                        return device + " accepted revision " + state.lastRevision + " of backup " + lineage
                                + " after it had seen revision " + highest + " there (a rollback); " + states();
                    }
                    seen.put(lineage, Math.max(state.lastRevision, highest == null ? 0 : highest));
                }
            }
            for (Map.Entry<String, String[]> shown : codeShown.entrySet()) {
                SimulatedWorld.StoredBackup current = world.current(shown.getKey());
                if (current == null || current.forged) {
                    continue;
                }
                try {
                    fob.backup.Envelope envelope = fob.backup.Envelope.parse(current.body);
                    if (!java.util.Objects.equals(envelope.lineage(), shown.getValue()[1])
                            || keptCodeOpens(shown.getKey(), envelope)) {
                        continue;
                    }
                    SimulatedWorld.CODEC.open(envelope, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(envelope,
                            shown.getValue()[0]));
                } catch (fob.backup.BackupException e) {
                    return "the newest recovery code the person was shown for " + shown.getKey() + " does not open"
                            + " the server's newest genuine backup (version " + current.version + "): "
                            + e.getMessage() + "; " + states();
                }
            }
            return null;
        }

        /**
         * Whether a device of {@code accountId} keeps a code the person will be shown (a rotation whose answer was
         * lost, not yet finished there, or a code not yet confirmed) that opens {@code envelope}: the person still
         * holds a working code, on its way to them.
         */
        private boolean keptCodeOpens(String accountId, fob.backup.Envelope envelope) {
            for (SimulatedWorld.Device each : world.devices) {
                String kept = accountId.equals(each.stored.accountId) ? each.sync.keptRecoveryCode() : null;
                if (kept != null) {
                    try {
                        SimulatedWorld.CODEC.open(envelope, SimulatedWorld.CODEC.vaultKeyFromRecoveryCode(envelope,
                                kept));
                        return true;
                    } catch (fob.backup.BackupException e) {
                        // Not this one.
                    }
                }
            }
            return false;
        }

        private static List<String> deletedIds(SimulatedWorld.Device device) {
            List<String> ids = new ArrayList<>();
            for (Deleted deleted : device.vault.recentlyDeleted()) {
                ids.add(deleted.account().toString());
            }
            return ids;
        }

        /** An account deleted on another device (or a twin's tombstone) waits in Recently deleted. */
        private boolean inSomeBin(String credential) {
            for (SimulatedWorld.Device device : world.devices) {
                for (Deleted deleted : device.vault.recentlyDeleted()) {
                    if (SimulatedWorld.credentialKey(deleted.account()).equals(credential)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private void remember() {
            for (SimulatedWorld.Device device : world.devices) {
                Set<String> now = new HashSet<>();
                Set<String> secrets = new HashSet<>();
                for (Account account : device.vault.accounts()) {
                    now.add(SimulatedWorld.credentialKey(account));
                    if (!account.isPlaceholder()) {
                        secrets.add(account.id());
                    }
                }
                for (Deleted deleted : device.vault.recentlyDeleted()) {
                    now.add(SimulatedWorld.credentialKey(deleted.account()));
                    if (!deleted.account().isPlaceholder()) {
                        secrets.add(deleted.account().id());
                    }
                }
                held.put(device, now);
                withSecret.put(device, secrets);
            }
        }
    }
}
