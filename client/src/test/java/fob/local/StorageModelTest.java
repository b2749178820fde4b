package fob.local;

import static org.junit.jupiter.api.Assertions.fail;

import fob.vault.Account;
import fob.vault.Vault;
import fob.vault.VaultException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of the vault in the browser's storage over the shipped {@link VaultKeeper} and
 * {@link VaultSession}: pages of one browser (each its own keeper and session over one {@link SimulatedBrowser},
 * whose calls have IndexedDB's transaction semantics) take random steps: open, close and reload, add, edit, delete
 * and move accounts, two changes at once (another page's write lands between this page's read and write, once or
 * twice), a tab-sync message delivered late, a full disk or an aborted write, a restore under a new vault key, a
 * record damaged on disk and "Start a new vault", and "Reset Fob". Every sequence starts in a fresh origin whose
 * pages all open before the first write, so their first writes race to make the browser's keys.
 *
 * <p>After every step: a page opened now reads exactly the accounts the person kept, in the order of the last
 * change (none lost, none twice); a page with no tab-sync message pending shows the same; a refused or failed change
 * changed nothing stored and nothing shown; a damaged record is never written over, and "Start a new vault" keeps it
 * aside byte for byte. A failure prints its seed: {@code -Dfob.storageModel.seed=S} replays it,
 * {@code -Dfob.storageModel.sequences=N} and {@code -Dfob.storageModel.steps=M} set the size.
 */
class StorageModelTest {
    private static final int SEQUENCES = Integer.getInteger("fob.storageModel.sequences", 600);
    private static final int STEPS = Integer.getInteger("fob.storageModel.steps", 40);
    private static final int MAX_PAGES = 4;
    private static final String[] KINDS = {"open page", "close page", "reload page", "deliver tab-sync message",
        "add", "edit", "delete", "move", "two changes at once", "three changes at once", "write fails",
        "restore under a new key", "damage the record", "start a new vault", "reset"};

    /** One page: its keeper and session, and the tab-sync messages it has not handled yet. */
    private static final class Page {
        final int number;
        final VaultKeeper keeper;
        VaultSession session;
        final Deque<Integer> messages = new ArrayDeque<>();

        Page(int number, VaultKeeper keeper) {
            this.number = number;
            this.keeper = keeper;
        }
    }

    private static final class World {
        final long seed;
        final Random random;
        final SimulatedBrowser browser = new SimulatedBrowser();
        final long[] clock = {1_700_000_000_000L};
        final List<Page> pages = new ArrayList<>();
        /** What the person kept: the accounts' ids, in order, and each one's issuer now. */
        List<String> expected = new ArrayList<>();
        final java.util.Map<String, String> names = new java.util.HashMap<>();
        /** The damaged record while it is stored, to check that nothing writes over it. */
        VaultRecord damaged;
        final List<String> log = new ArrayList<>();
        int counter;
        int opened;
        int conflictsSeen;
        boolean together;
        /** Whether the change now attempted may meet two other writes, and so fail with a conflict. */
        boolean twoWritesBetween;

        World(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        /** Opens a page as the app does: load, and on an unreadable vault an empty one that nothing writes. */
        Page open() throws StorageException {
            Page page = new Page(++opened, browser.newKeeper(clock));
            Vault vault;
            try {
                vault = page.keeper.load();
            } catch (UnreadableVaultException e) {
                vault = Vault.EMPTY;
            }
            page.session = new VaultSession(page.keeper, vault, () -> broadcast(page));
            pages.add(page);
            return page;
        }

        void broadcast(Page from) {
            for (Page page : pages) {
                if (page != from) {
                    page.messages.add(from.number);
                }
            }
        }

        /** A page handles its tab-sync messages: one reload, as the app's handler does. */
        void deliver(Page page) throws StorageException {
            if (page.messages.isEmpty()) {
                return;
            }
            page.messages.clear();
            try {
                page.session.reload();
            } catch (UnreadableVaultException e) {
                // the page keeps its copy and shows why; the model checks that nothing is written over it
            }
        }

        Page anyPage() {
            return pages.get(random.nextInt(pages.size()));
        }

        String anyAccount() {
            return expected.get(random.nextInt(expected.size()));
        }

        /** The person's accounts as {@link #described} gives a vault's. */
        List<String> kept() {
            List<String> kept = new ArrayList<>();
            for (String id : expected) {
                kept.add(id + "=" + names.get(id));
            }
            return kept;
        }

        String newIssuer() {
            return "Acct" + (++counter);
        }
    }

    /** A change the person makes, with what it does to the model when it is stored. */
    private static final class Edit {
        final String name;
        final VaultSession.Change change;
        final Runnable onStored;

        Edit(String name, VaultSession.Change change, Runnable onStored) {
            this.name = name;
            this.change = change;
            this.onStored = onStored;
        }
    }

    @Test
    void randomSequencesOfPagesNeverLoseDuplicateOrReorderAnAccount() throws Exception {
        Long replay = Long.getLong("fob.storageModel.seed");
        long base = replay != null ? replay : new Random().nextLong();
        int sequences = replay != null ? 1 : SEQUENCES;
        int[] counts = new int[KINDS.length];
        int conflicts = 0;
        int races = 0;
        for (int i = 0; i < sequences; i++) {
            World world = new World(base + i);
            int kind = -1;
            int step = 0;
            try {
                int opening = 1 + world.random.nextInt(MAX_PAGES - 1);
                races += opening > 1 ? 1 : 0;
                for (int p = 0; p < opening; p++) {
                    world.open();
                }
                String broken = invariants(world);
                for (step = 0; step < STEPS && broken == null; step++) {
                    kind = world.random.nextInt(KINDS.length);
                    broken = step(world, kind);
                    if (broken == null) {
                        broken = invariants(world);
                    }
                    counts[kind]++;
                }
                if (broken != null) {
                    throw new AssertionError(broken);
                }
            } catch (Exception | AssertionError e) {
                fail("StorageModelTest failed with seed " + world.seed + " (replay with -Dfob.storageModel.seed="
                        + world.seed + ") at step " + step + (kind < 0 ? "" : " (" + KINDS[kind] + ")") + ": " + e
                        + "\nsteps: " + String.join(", ", world.log) + "\nexpected " + world.kept(), e);
            }
            conflicts += world.conflictsSeen;
        }
        StringBuilder summary = new StringBuilder();
        for (int k = 0; k < KINDS.length; k++) {
            summary.append(k == 0 ? "" : ", ").append(KINDS[k]).append(' ').append(counts[k]);
        }
        System.out.println("StorageModelTest: " + sequences + " sequences of " + STEPS + " steps, seeds " + base
                + " to " + (base + sequences - 1) + ", no invariant violated (" + summary + "; " + conflicts
                + " changes met another page's write, " + races + " sequences raced for the first keys)");
    }

    /** A vault's accounts as "id=issuer", in order. */
    static List<String> described(Vault vault) {
        List<String> described = new ArrayList<>();
        for (Account account : vault.accounts()) {
            described.add(account.id() + "=" + account.issuer());
        }
        return described;
    }

    /** Makes the model's accounts those {@code described} lists. */
    static void keep(World world, List<String> described) {
        world.expected = new ArrayList<>();
        for (String each : described) {
            String id = each.substring(0, each.indexOf('='));
            world.expected.add(id);
            world.names.put(id, each.substring(each.indexOf('=') + 1));
        }
    }

    private static String step(World world, int kind) throws Exception {
        switch (kind) {
            case 0:
                if (world.pages.size() < MAX_PAGES) {
                    world.log.add("open page " + world.open().number);
                }
                return null;
            case 1:
                if (world.pages.size() > 1) {
                    Page page = world.anyPage();
                    world.pages.remove(page);
                    world.log.add("close page " + page.number);
                }
                return null;
            case 2: {
                // A reload is a new page in the same tab.
                Page page = world.anyPage();
                world.pages.remove(page);
                Page reloaded = world.open();
                world.log.add("reload page " + page.number + " as " + reloaded.number);
                return null;
            }
            case 3: {
                Page page = world.anyPage();
                world.log.add("deliver to page " + page.number);
                world.deliver(page);
                return null;
            }
            case 4:
            case 5:
            case 6:
            case 7: {
                Page page = world.anyPage();
                Edit edit = edit(world, kind);
                world.log.add(edit.name + " in page " + page.number);
                return attempt(world, page, edit);
            }
            case 8:
            case 9:
                return together(world, kind == 9);
            case 10: {
                Page page = world.anyPage();
                StorageFailure.Kind failure = world.random.nextBoolean() ? StorageFailure.Kind.NO_ROOM
                        : StorageFailure.Kind.OTHER;
                Edit edit = edit(world, 4 + world.random.nextInt(4));
                world.log.add(edit.name + " in page " + page.number + " meets " + failure);
                String before = world.browser.snapshot();
                Vault shown = page.session.vault();
                world.browser.failNextWrite(failure);
                try {
                    page.session.change(edit.change);
                    return "a change went through a failed write";
                } catch (ConflictException e) {
                    return "a failed write was reported as another tab's";
                } catch (StorageException e) {
                    if (!world.browser.snapshot().equals(before)) {
                        return "a failed write changed what is stored";
                    }
                    return page.session.vault() == shown ? null : "a failed write changed what the page shows";
                } catch (VaultException e) {
                    return null;
                } finally {
                    world.browser.settle();
                }
            }
            case 11: {
                Page page = world.anyPage();
                world.log.add("restore in page " + page.number);
                boolean couldRead = !page.keeper.isUnreadable();
                List<String> shown = described(page.session.vault());
                try {
                    page.session.adopt(SimulatedBrowser.CRYPTO.random(32), current -> current);
                } catch (ConflictException e) {
                    world.conflictsSeen++;
                    return null;
                } catch (UnreadableVaultException e) {
                    // A page that reads the damaged record while it retries says so, and writes nothing.
                    return world.damaged != null ? null : "a restore found a readable vault unreadable";
                }
                if (world.damaged != null) {
                    if (!couldRead && !world.browser.aside.containsValue(world.damaged)) {
                        return "a restore replaced the damaged record without keeping it aside";
                    }
                    // Into a vault that cannot be read, a restore is a new vault holding what the page showed.
                    if (!couldRead) {
                        keep(world, shown);
                    }
                    world.damaged = null;
                }
                return null;
            }
            case 12:
                if (world.browser.record != null && world.damaged == null && world.random.nextInt(3) == 0) {
                    world.log.add("damage the record");
                    world.browser.damageCiphertext();
                    world.damaged = world.browser.record;
                }
                return null;
            case 13: {
                if (world.damaged == null) {
                    return null;
                }
                // Only a page that found the record unreadable offers "Start a new vault".
                Page page = world.anyPage();
                world.log.add("start a new vault in page " + page.number);
                if (!page.keeper.isUnreadable()) {
                    try {
                        page.session.reload();
                        return "a page read the damaged record";
                    } catch (UnreadableVaultException expected) {
                        page.messages.clear();
                    }
                }
                List<String> shown = described(page.session.vault());
                page.session.startOver();
                if (world.browser.record == world.damaged) {
                    return "\"Start a new vault\" left the damaged record in place";
                }
                if (!world.browser.aside.containsValue(world.damaged)) {
                    return "the damaged record was replaced without being kept aside";
                }
                // The new vault holds what this page still showed; the damaged one waits aside.
                world.damaged = null;
                keep(world, shown);
                return null;
            }
            case 14:
                if (world.random.nextInt(4) == 0) {
                    Page page = world.anyPage();
                    world.log.add("reset in page " + page.number);
                    page.keeper.wipe();
                    world.expected = new ArrayList<>();
                    world.damaged = null;
                    // Reset reloads every page.
                    List<Page> pages = new ArrayList<>(world.pages);
                    world.pages.clear();
                    for (int p = 0; p < pages.size(); p++) {
                        world.open();
                    }
                }
                return null;
            default:
                throw new IllegalStateException();
        }
    }

    /** A random change of the person's, applied by id to whatever vault the page holds when it runs. */
    private static Edit edit(World world, int kind) {
        long now = ++world.clock[0];
        if (kind == 4 || world.expected.isEmpty()) {
            String issuer = world.newIssuer();
            Account account;
            try {
                account = Accounts.named(issuer, world.random, now);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new Edit("add " + issuer, current -> current.add(account), () -> {
                world.expected.add(account.id());
                world.names.put(account.id(), issuer);
            });
        }
        String id = world.anyAccount();
        String issuer = world.names.get(id);
        switch (kind) {
            case 5: {
                String renamed = world.newIssuer();
                return new Edit("rename " + issuer + " to " + renamed, current -> {
                    Account account = current.find(id);
                    if (account == null) {
                        throw new VaultException("no such account");
                    }
                    return current.replace(account.edited(account.kind(), renamed, account.name(), account.otp(),
                            account.note(), now));
                }, () -> world.names.put(id, renamed));
            }
            case 6:
                return new Edit("delete " + issuer, current -> current.remove(id, now),
                        () -> world.expected.remove(id));
            default: {
                int at = world.expected.indexOf(id);
                int offset = at > 0 && (at == world.expected.size() - 1 || world.random.nextBoolean()) ? -1 : 1;
                return new Edit("move " + issuer + (offset < 0 ? " up" : " down"),
                        current -> current.move(id, offset, now), () -> {
                            int from = world.expected.indexOf(id);
                            world.expected.remove(from);
                            world.expected.add(from + offset, id);
                        });
            }
        }
    }

    /**
     * One change by the person in {@code page}. The model knows its outcome only from the page's answer: stored
     * (the model applies it), refused by the vault (nothing changes), or refused by storage, which must then have
     * stored nothing.
     */
    private static String attempt(World world, Page page, Edit edit) {
        // With other pages' writes landing inside this change, what is stored is checked by the invariants alone.
        String before = world.together ? null : world.browser.snapshot();
        Vault shown = page.session.vault();
        int transactions = world.browser.transactions;
        try {
            boolean couldRead = !page.keeper.isUnreadable();
            page.session.change(edit.change);
            if (world.damaged != null) {
                if (!couldRead) {
                    return "a page that could not read the record stored a change over it";
                }
                // A page that read this revision before the damage holds all of it: its write repairs the record,
                // which the invariants check by reading every account back.
                world.damaged = null;
            }
            if (world.browser.transactions > transactions + 1) {
                world.conflictsSeen++;
            }
            edit.onStored.run();
            return null;
        } catch (VaultException e) {
            return before == null || world.browser.snapshot().equals(before) ? null
                    : "a refused change changed what is stored";
        } catch (StorageException e) {
            if (e instanceof ConflictException) {
                if (!world.twoWritesBetween) {
                    return "a change that met at most one other page's write failed: " + e.getMessage();
                }
                world.conflictsSeen++;
            }
            if (world.damaged != null && !(e instanceof UnreadableVaultException)) {
                return "a change over a damaged record failed with " + e + " instead of saying it is unreadable";
            }
            if (before != null && !world.browser.snapshot().equals(before)) {
                return "a change that failed (" + e.getMessage() + ") changed what is stored";
            }
            return page.session.vault() == shown || e instanceof ConflictException ? null
                    : "a failed change changed what the page shows";
        }
    }

    /**
     * Changes in two or three pages at one moment: the second page's change lands between the first page's read of
     * the vault and its write (the first page's vault is in memory, so its first transaction is the write); with
     * three, the third lands between the first page's retry read and its retry write, so the first page meets a
     * second conflict and must say so, having stored nothing.
     */
    private static String together(World world, boolean three) throws Exception {
        if (world.pages.size() < 2) {
            world.open();
        }
        List<Page> shuffled = new ArrayList<>(world.pages);
        java.util.Collections.shuffle(shuffled, world.random);
        Page first = shuffled.get(0);
        Page second = shuffled.get(1);
        Page third = shuffled.get(shuffled.size() > 2 ? 2 : 1);
        Edit firstEdit = edit(world, 4 + world.random.nextInt(4));
        Edit secondEdit = edit(world, 4 + world.random.nextInt(4));
        Edit thirdEdit = edit(world, 4);
        world.log.add((three ? "three at once: " : "two at once: ") + firstEdit.name + " in page " + first.number
                + " with " + secondEdit.name + " in page " + second.number
                + (three ? " and " + thirdEdit.name + " in page " + third.number : ""));
        String[] inner = new String[2];
        world.together = true;
        try {
            world.browser.beforeTransaction(0, () -> inner[0] = landing(world, second, secondEdit));
            if (three) {
                int skipped = 1 + world.random.nextInt(2);
                world.twoWritesBetween = skipped == 2;
                // The first page's transactions: its write (the second lands before it), its retry read, its retry
                // write: the third lands before the read or before the retry write.
                world.browser.beforeTransaction(skipped, () -> inner[1] = landing(world, third, thirdEdit));
            }
            String outcome = attempt(world, first, firstEdit);
            return inner[0] != null ? inner[0] : inner[1] != null ? inner[1] : outcome;
        } finally {
            world.together = false;
            world.twoWritesBetween = false;
            world.browser.settle();
        }
    }

    /** Another page's change landing inside the first page's: it meets no other write itself. */
    private static String landing(World world, Page page, Edit edit) {
        boolean outer = world.twoWritesBetween;
        world.twoWritesBetween = false;
        try {
            return attempt(world, page, edit);
        } finally {
            world.twoWritesBetween = outer;
        }
    }

    private static String invariants(World world) throws Exception {
        if (world.damaged != null) {
            if (world.browser.record != world.damaged) {
                return "the damaged record was written over";
            }
            try {
                world.browser.newKeeper(world.clock).load();
                return "a damaged record opened";
            } catch (UnreadableVaultException expected) {
                return null;
            }
        }
        if (world.browser.record == null) {
            if (!world.expected.isEmpty()) {
                return "nothing is stored, but the person kept " + world.expected;
            }
        } else {
            List<String> read = described(world.browser.newKeeper(world.clock).load());
            if (!read.equals(world.kept())) {
                return "a new page reads " + read + ", not " + world.kept();
            }
        }
        for (Page page : world.pages) {
            if (page.messages.isEmpty() && !page.keeper.isUnreadable()
                    && !described(page.session.vault()).equals(world.kept())) {
                return "page " + page.number + " has no message pending but shows "
                        + described(page.session.vault()) + ", not " + world.kept();
            }
        }
        return null;
    }
}
