package fob.sync;

import fob.backup.BackupCodec;
import fob.backup.BackupException;
import fob.backup.BackupPayload;
import fob.backup.Envelope;
import fob.backup.Header;
import fob.backup.PreviousKey;
import fob.backup.RecoveryCodeSlot;
import fob.backup.SealedPasskeySlot;
import fob.backup.Slot;
import fob.link.OtpAuthLink;
import fob.vault.Account;
import fob.vault.AccountKind;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A Byzantine server for {@link SyncModelTest}: the operator, or whoever holds a stolen session, and so can read and
 * write every backup, keep old versions, and answer as it likes. It knows only what the server sees (envelopes,
 * headers, the public keys of sealed slots), and builds its forgeries with Fob's own envelope classes, as an
 * attacker outside Fob would: they are its toolbox here, not the code under test. Every vault key it makes is kept
 * in {@link #keys}; no envelope an honest device uploads may ever open with one of them.
 *
 * <p>Its moves, each switchable with {@code -Dfob.syncModel.adversary=forge,rollback,gone,conflicts,lostResponse}
 * (default all; {@code none} for an honest server):
 * <ul>
 * <li>{@link Move#ROLLBACK}: serve an older genuine version, of any lineage, for the next few reads of the account;
 * <li>{@link Move#FORGE}: replace the backup with an envelope under a key of its own ({@link #forge});
 * <li>{@link Move#GONE}: answer "no backup" (404) to the next few reads, then serve it again;
 * <li>{@link Move#CONFLICTS}: answer 412 to every write for a while;
 * <li>{@link Move#LOST_RESPONSE}: commit the next write (an upload, a key rotation, a deletion), then lose the answer.
 * </ul>
 */
final class Adversary {
    enum Move {
        FORGE, ROLLBACK, GONE, CONFLICTS, LOST_RESPONSE;

        String property() {
            return this == LOST_RESPONSE ? "lostResponse" : name().toLowerCase(Locale.ROOT);
        }
    }

    /** The moves this run allows, from {@code -Dfob.syncModel.adversary}. */
    static final Set<Move> MOVES = parseMoves(System.getProperty("fob.syncModel.adversary", "all"));

    private static final BackupCodec CODEC = SimulatedWorld.CODEC;
    private final SimulatedWorld world;
    /** Every vault key the adversary made. */
    final List<byte[]> keys = new ArrayList<>();
    /** Per account: an old version served in place of the current one, and for how many more reads. */
    private final Map<String, SimulatedWorld.StoredBackup> stale = new HashMap<>();
    private final Map<String, Integer> staleReads = new HashMap<>();
    /** Per account: how many more reads answer "no backup". */
    private final Map<String, Integer> goneReads = new HashMap<>();
    /** How many more writes answer 412. */
    private int conflicts;
    /** How many more writes are committed and then answered with a failure. */
    private int lostResponses;
    /** Whether the adversary made a device see anything but the honest answer since {@link #clearInterfered}. */
    private boolean interfered;
    /** Moves made, by kind, for the summary. */
    final Map<Move, Integer> made = new HashMap<>();

    Adversary(SimulatedWorld world) {
        this.world = world;
    }

    static Set<Move> parseMoves(String text) {
        Set<Move> moves = EnumSet.noneOf(Move.class);
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.equals("all")) {
                moves.addAll(EnumSet.allOf(Move.class));
            } else if (!name.isEmpty() && !name.equals("none")) {
                Move found = null;
                for (Move move : Move.values()) {
                    if (move.property().equalsIgnoreCase(name)) {
                        found = move;
                    }
                }
                if (found == null) {
                    throw new IllegalArgumentException("fob.syncModel.adversary: no move named " + name + "; the moves"
                            + " are forge, rollback, gone, conflicts, lostResponse (or all, none)");
                }
                moves.add(found);
            }
        }
        return moves;
    }

    boolean interfered() {
        return interfered;
    }

    void clearInterfered() {
        interfered = false;
    }

    /** Before the devices settle: it stops lying (a forgery it wrote stays, as any write does). */
    void standDown() {
        stale.clear();
        staleReads.clear();
        goneReads.clear();
        conflicts = 0;
        lostResponses = 0;
    }

    // The server's answers.

    /** What a read of {@code account}'s backup returns, given what an honest server holds. */
    SimulatedWorld.StoredBackup serve(String account, SimulatedWorld.StoredBackup honest) {
        if (countDown(goneReads, account)) {
            interfered |= honest != null;
            return null;
        }
        if (countDown(staleReads, account)) {
            SimulatedWorld.StoredBackup old = stale.get(account);
            interfered |= old != honest;
            return old;
        }
        interfered |= honest != null && honest.forged;
        return honest;
    }

    private static boolean countDown(Map<String, Integer> reads, String account) {
        Integer left = reads.get(account);
        if (left == null || left <= 0) {
            return false;
        }
        reads.put(account, left - 1);
        return true;
    }

    /** Before a write is applied: a 412, whatever the server holds. */
    void beforeWrite() throws Conflict {
        if (conflicts > 0) {
            conflicts--;
            interfered = true;
            throw new Conflict();
        }
    }

    /** After a write was applied: the answer may be lost (the device sees the server fail or go offline). */
    void afterWrite() throws ServerFailure {
        if (lostResponses > 0) {
            lostResponses--;
            interfered = true;
            throw lostResponses % 2 == 0 ? ServerFailure.offline()
                    : new ServerFailure(ServerFailure.Kind.FAILED, "server_error", "The server failed (502)");
        }
    }

    // The moves.

    /** Serves an older genuine version of {@code account}'s backup (any lineage) for the next 1 to 6 reads. */
    String rollback(String account, Random random) {
        List<SimulatedWorld.StoredBackup> versions = world.history.getOrDefault(account, List.of());
        if (versions.size() < 2) {
            return "rollback: no older version";
        }
        // Mostly a recent one, sometimes one from long ago (another lineage, before a rotation).
        int back = random.nextBoolean() ? 1 + random.nextInt(Math.min(3, versions.size() - 1))
                : 1 + random.nextInt(versions.size() - 1);
        SimulatedWorld.StoredBackup old = versions.get(versions.size() - 1 - back);
        stale.put(account, old);
        staleReads.put(account, 1 + random.nextInt(6));
        count(Move.ROLLBACK);
        return "rollback to version " + old.version;
    }

    /** Answers "no backup" to the next 1 to 6 reads of {@code account}'s backup. */
    String gone(String account, Random random) {
        goneReads.put(account, 1 + random.nextInt(6));
        count(Move.GONE);
        return "gone";
    }

    /** Answers 412 to the next 1 to 8 writes, of any device. */
    String conflicts(Random random) {
        conflicts = 1 + random.nextInt(8);
        count(Move.CONFLICTS);
        return "conflicts";
    }

    /** Commits the next 1 or 2 writes, of any device, and loses their answer. */
    /** For single tests: the next {@code count} writes are committed and their answers lost. */
    void loseNextResponses(int count) {
        lostResponses = count;
    }

    String loseResponses(Random random) {
        lostResponses = 1 + random.nextInt(2);
        count(Move.LOST_RESPONSE);
        return "lost responses";
    }

    /**
     * Writes over {@code account}'s backup an envelope under a key of the adversary's own: sealed to the public key
     * of sealed passkey slots found in any version the server ever held (the account's own passkey's, mostly),
     * with the current lineage, an old one or a new one, a revision below, at or above {@code revision}, sometimes
     * the key chain or the recovery-code slot of a genuine version spliced in, sometimes a chain to an earlier key
     * of its own, sometimes slots dropped. The payload holds a "Planted" account, and often a copy of {@code real}'s
     * accounts too, so that a merge looks harmless.
     */
    String forge(String account, Random random, Vault real, long revision, long now) {
        List<SimulatedWorld.StoredBackup> versions = world.history.getOrDefault(account, List.of());
        SimulatedWorld.StoredBackup current = world.current(account);
        try {
            Header base = current != null ? Envelope.parse(current.body).parsedHeader()
                    : !versions.isEmpty() ? Envelope.parse(versions.get(versions.size() - 1).body).parsedHeader()
                    : null;
            List<SealedPasskeySlot> own = new ArrayList<>();
            List<SealedPasskeySlot> anyone = new ArrayList<>();
            List<Header> headers = new ArrayList<>();
            for (Map.Entry<String, List<SimulatedWorld.StoredBackup>> each : world.history.entrySet()) {
                for (SimulatedWorld.StoredBackup version : each.getValue()) {
                    Header header = Envelope.parse(version.body).parsedHeader();
                    if (each.getKey().equals(account)) {
                        headers.add(header);
                    }
                    for (Slot slot : header.slots()) {
                        if (slot instanceof SealedPasskeySlot) {
                            (each.getKey().equals(account) ? own : anyone).add((SealedPasskeySlot) slot);
                        }
                    }
                }
            }
            anyone.addAll(own);
            if (anyone.isEmpty()) {
                return "forge: no sealed slot to seal to";
            }
            byte[] key = CODEC.newVaultKey();
            List<Slot> slots = new ArrayList<>();
            // The account's own passkey, most of the time; sometimes another account's, sometimes two of them.
            int sealed = 1 + (random.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < sealed; i++) {
                List<SealedPasskeySlot> from = !own.isEmpty() && random.nextInt(5) != 0 ? own : anyone;
                slots.add(CODEC.resealed(from.get(random.nextInt(from.size())), key));
            }
            int codeSlot = random.nextInt(3);
            if (codeSlot == 0) {
                slots.add(CODEC.recoveryCodeSlot(key, CODEC.newRecoveryCode()));
            } else if (codeSlot == 1 && !headers.isEmpty()) {
                // A genuine version's recovery-code slot: it wraps another key, but looks right.
                for (Slot slot : headers.get(random.nextInt(headers.size())).slots()) {
                    if (slot instanceof RecoveryCodeSlot) {
                        slots.add(slot);
                    }
                }
            } // else: dropped.
            String lineage;
            int whichLineage = random.nextInt(4);
            if (whichLineage <= 1 && base != null) {
                lineage = base.lineage();
            } else if (whichLineage == 2 && !headers.isEmpty()) {
                lineage = headers.get(random.nextInt(headers.size())).lineage();
            } else {
                lineage = CODEC.newLineage();
            }
            List<PreviousKey> chain = new ArrayList<>();
            int whichChain = random.nextInt(3);
            if (whichChain == 0 && !headers.isEmpty()) {
                chain.addAll(headers.get(random.nextInt(headers.size())).previousKeys());
            } else if (whichChain == 1 && !keys.isEmpty()) {
                // Chained to an earlier key of its own: a device that ever took one would take this one too.
                chain.add(CODEC.previousKey(key, keys.get(random.nextInt(keys.size()))));
            }
            keys.add(key);
            long forgedRevision = Math.max(1, revision + new long[] {-3, -1, 0, 0, 1, 1, 2, 1000}[random.nextInt(8)]);
            Vault vault = random.nextInt(3) == 0 ? Vault.EMPTY : real;
            vault = vault.add(planted(random, now));
            Envelope envelope = CODEC.seal(key, new Header(lineage, slots, chain).write(),
                    new BackupPayload(forgedRevision, now, vault).toBytes());
            SimulatedWorld.StoredBackup forged = world.replaceWithForgery(account, envelope.toJson());
            count(Move.FORGE);
            return "forged version " + forged.version + " (revision " + forgedRevision + ", " + slots.size()
                    + " slots, lineage " + (base != null && lineage.equals(base.lineage()) ? "current" : "other") + ")";
        } catch (BackupException | VaultException e) {
            throw new IllegalStateException("the adversary could not forge a backup", e);
        }
    }

    /** An account the adversary plants, of its own secret. */
    private static Account planted(Random random, long now) throws VaultException {
        byte[] secret = new byte[10];
        random.nextBytes(secret);
        try {
            OtpAuthLink link = OtpAuthLink.parse("otpauth://totp/Planted:x?secret=" + fob.codec.Base32.encode(secret)
                    + "&issuer=Planted");
            return Account.fromLink("planted-" + Long.toHexString(random.nextLong()), link, AccountKind.STANDARD, now);
        } catch (Exception e) {
            throw new VaultException("could not make the planted account: " + e);
        }
    }

    /** The adversary's key that opens {@code envelopeJson}, or null when none does. */
    byte[] keyOpening(String envelopeJson) {
        Envelope envelope;
        try {
            envelope = Envelope.parse(envelopeJson);
        } catch (BackupException e) {
            return null;
        }
        for (byte[] key : keys) {
            try {
                CODEC.open(envelope, key);
                return key;
            } catch (BackupException expected) {
                // Not this one.
            }
        }
        return null;
    }

    private void count(Move move) {
        made.merge(move, 1, Integer::sum);
    }

    static String hex(byte[] key) {
        return key == null ? "null" : Arrays.toString(Arrays.copyOf(key, 4));
    }
}
