package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.codec.Base32;
import fob.e2e.support.AccountItem;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The smoke test of the browser's storage adapters (IndexedDB, WebCrypto, the tab-sync channel) under the real page:
 * the vault's decisions are model-tested on the JVM at length ({@code fob.local.StorageModelTest}, over the shipped
 * VaultKeeper and VaultSession); these few sequences check that the page's adapters give them IndexedDB's real
 * transactions. In a fresh browser profile, two or three
 * tabs of the real page take random turns opening, reloading, closing, adding, editing, deleting and reordering
 * accounts, some pairs of changes at the same moment, starting from an origin with no vault or with one. After
 * every step a new tab opens the vault and must show every account that was added and not deleted, in the order
 * the last change left. A failure names its seed and the steps so far.
 *
 * <p>{@code -Dfob.browserStorageModel.sequences=N} runs N sequences from a fresh origin (and N/10 from one with a vault;
 * CI: 3 and 1, of 5 random steps each after the tabs open, about 11 s a sequence; {@code bin/model} runs more),
 * {@code -Dfob.browserStorageModel.steps=M} sets the steps; {@code -Dfob.browserStorageModel.seed=S} replays one sequence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultStorageModelTest {
    private static final int STEPS = Integer.getInteger("fob.browserStorageModel.steps", 5);
    private static final int MAX_TABS = 3;

    private FobServerProcess server;

    @BeforeAll
    void startServer() throws Exception {
        server = FobServerProcess.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void randomSequencesOfTabsNeverLoseOrReorderAnAccount() throws Exception {
        Long replay = Long.getLong("fob.browserStorageModel.seed");
        if (replay != null) {
            new Sequence(replay, replay % 5 == 4).run();
            return;
        }
        int sequences = Integer.getInteger("fob.browserStorageModel.sequences", 3);
        long base = new Random().nextLong() & 0xffff_ffffL;
        int fromVault = Math.max(1, sequences / 10);
        List<String> ran = new ArrayList<>();
        for (int i = 0; i < sequences + fromVault; i++) {
            // Seeds that are 4 modulo 5 start from an existing vault, so that a replayed seed starts the same way.
            long seed = (base + i) * 5 + (i < sequences ? i % 4 : 4);
            Sequence sequence = new Sequence(seed, seed % 5 == 4);
            sequence.run();
            ran.add(seed + ": " + String.join(", ", sequence.steps));
        }
        System.out.println("VaultStorageModelTest ran " + ran.size() + " sequences:\n  " + String.join("\n  ", ran));
    }

    /** One random sequence in a new browser profile. */
    private final class Sequence {
        private final long seed;
        private final boolean fromExistingVault;
        private final Random random;
        private final List<String> steps = new ArrayList<>();
        /** What a new tab must show: the issuers, in order. */
        private final List<String> expected = new ArrayList<>();
        private final List<String> tabs = new ArrayList<>();
        private Chromium browser;
        private FobPage page;
        private int counter;

        Sequence(long seed, boolean fromExistingVault) {
            this.seed = seed;
            this.fromExistingVault = fromExistingVault;
            this.random = new Random(seed);
        }

        void run() throws Exception {
            browser = Chromium.start(Chromium.UNTHROTTLED);
            try {
                page = new FobPage(browser.driver(), server.url());
                page.open();
                tabs.add(browser.driver().getWindowHandle());
                if (fromExistingVault) {
                    step("existing vault", () -> {
                        add(tabs.get(0));
                        add(tabs.get(0));
                    });
                }
                // Every tab opens before anything is stored in the fresh case: the first write races them all.
                int opening = 1 + random.nextInt(MAX_TABS - 1);
                for (int i = 0; i < opening; i++) {
                    step("open tab", this::openTab);
                }
                for (int i = 0; i < STEPS; i++) {
                    randomStep();
                }
            } catch (Throwable e) {
                throw new AssertionError("VaultStorageModelTest failed with seed " + seed + " (replay with"
                        + " -Dfob.browserStorageModel.seed=" + seed + ") after the steps: " + String.join(", ", steps)
                        + "\nexpected " + expected + "; " + whatTheTabShows() + "\n" + e, e);
            } finally {
                browser.close();
            }
        }

        private String whatTheTabShows() {
            try {
                return "the current tab shows " + issuers() + ", " + page.describe();
            } catch (RuntimeException e) {
                return "the current tab cannot be read: " + e;
            }
        }

        private void randomStep() throws Exception {
            int choice = random.nextInt(100);
            if (choice < 8 && tabs.size() < MAX_TABS) {
                step("open tab", this::openTab);
            } else if (choice < 14 && tabs.size() > 1) {
                String tab = pickTab();
                step("close tab " + tabs.indexOf(tab), () -> closeTab(tab));
            } else if (choice < 22) {
                String tab = pickTab();
                step("reload tab " + tabs.indexOf(tab), () -> {
                    switchTo(tab);
                    page.reload();
                });
            } else if (choice < 40 || expected.size() < 2) {
                String tab = pickTab();
                step("add in tab " + tabs.indexOf(tab), () -> add(tab));
            } else if (choice < 52) {
                String tab = pickTab();
                String issuer = pickAccount();
                step("edit " + issuer + " in tab " + tabs.indexOf(tab), () -> edit(tab, issuer));
            } else if (choice < 62) {
                String tab = pickTab();
                String issuer = pickAccount();
                step("delete " + issuer + " in tab " + tabs.indexOf(tab), () -> delete(tab, issuer));
            } else if (choice < 76) {
                String tab = pickTab();
                String issuer = pickAccount();
                boolean up = expected.indexOf(issuer) > 0 && (random.nextBoolean()
                        || expected.indexOf(issuer) == expected.size() - 1);
                step("move " + issuer + (up ? " up" : " down") + " in tab " + tabs.indexOf(tab),
                        () -> move(tab, issuer, up));
            } else {
                if (tabs.size() < 2) {
                    step("open tab", this::openTab);
                }
                together();
            }
        }

        private interface Action {
            void run() throws Exception;
        }

        private void step(String name, Action action) throws Exception {
            steps.add(name);
            action.run();
            checkInANewTab();
        }

        private String pickTab() {
            return tabs.get(random.nextInt(tabs.size()));
        }

        private String pickAccount() {
            return expected.get(random.nextInt(expected.size()));
        }

        private String newIssuer() {
            return "Acct" + (++counter);
        }

        private void switchTo(String tab) {
            browser.driver().switchTo().window(tab);
        }

        private void openTab() {
            browser.driver().switchTo().newWindow(WindowType.TAB);
            page.open();
            tabs.add(browser.driver().getWindowHandle());
        }

        private void closeTab(String tab) {
            switchTo(tab);
            browser.driver().close();
            tabs.remove(tab);
            switchTo(tabs.get(0));
        }

        /** Waits until the tab shows what the model expects: the other tabs' changes reach it by themselves. */
        private void showsExpected(String tab) {
            switchTo(tab);
            page.waitFor(() -> issuers().equals(expected));
        }

        private List<String> issuers() {
            return page.accounts().stream().map(AccountItem::issuer).collect(Collectors.toList());
        }

        private void add(String tab) {
            showsExpected(tab);
            String issuer = newIssuer();
            page.button(prepareAdd(issuer), "Add from link").click();
            expected.add(issuer);
            page.waitFor(() -> issuers().equals(expected));
        }

        private WebElement prepareAdd(String issuer) {
            page.button("Add account").click();
            WebElement dialog = page.dialog("Add account");
            // A secret of its own: Fob refuses a second account with the same secret and name.
            byte[] secret = new byte[10];
            random.nextBytes(secret);
            page.fill(dialog, "textbox", "otpauth link", "otpauth://totp/" + issuer + ":x?secret="
                    + Base32.encode(secret) + "&issuer=" + issuer);
            return dialog;
        }

        private void edit(String tab, String issuer) {
            showsExpected(tab);
            String renamed = newIssuer();
            page.button(prepareEdit(issuer, renamed), "Save").click();
            expected.set(expected.indexOf(issuer), renamed);
            page.waitFor(() -> issuers().equals(expected));
        }

        private WebElement prepareEdit(String issuer, String renamed) {
            page.account(issuer).button("Edit").click();
            WebElement dialog = page.dialog("Edit account");
            page.fill(dialog, "textbox", "Issuer", renamed);
            return dialog;
        }

        private void delete(String tab, String issuer) {
            showsExpected(tab);
            page.button(prepareDelete(issuer), "Delete").click();
            expected.remove(issuer);
            page.waitFor(() -> issuers().equals(expected));
        }

        private WebElement prepareDelete(String issuer) {
            page.account(issuer).button("Delete").click();
            return page.dialog("Delete account?");
        }

        private void move(String tab, String issuer, boolean up) {
            showsExpected(tab);
            page.account(issuer).button(up ? "Move up" : "Move down").click();
            int at = expected.indexOf(issuer);
            int to = up ? at - 1 : at + 1;
            expected.set(at, expected.get(to));
            expected.set(to, issuer);
            page.waitFor(() -> issuers().equals(expected));
        }

        /**
         * Two changes in two tabs at the same moment: each tab's dialog is filled in, then both confirming buttons
         * are clicked by timers set for one instant. They touch different accounts; only two additions leave an
         * order that the model cannot know (whichever tab stored first), so either is accepted there.
         */
        private void together() throws Exception {
            List<String> chosen = new ArrayList<>(tabs);
            java.util.Collections.shuffle(chosen, random);
            String first = chosen.get(0);
            String second = chosen.get(1);
            List<String> touched = new ArrayList<>();
            String[] kinds = {"add", "edit", "delete"};
            String kindA = kinds[random.nextInt(kinds.length)];
            String kindB = kinds[random.nextInt(kinds.length)];
            List<String> free = new ArrayList<>(expected);
            java.util.Collections.shuffle(free, random);
            if (free.size() < 2) {
                kindA = "add";
                kindB = "add";
            }
            String targetA = kindA.equals("add") ? newIssuer() : free.remove(0);
            String targetB = kindB.equals("add") ? newIssuer() : free.remove(0);
            String renameA = kindA.equals("edit") ? newIssuer() : null;
            String renameB = kindB.equals("edit") ? newIssuer() : null;
            String name = "together: " + kindA + " " + targetA + " in tab " + tabs.indexOf(first) + " and " + kindB
                    + " " + targetB + " in tab " + tabs.indexOf(second);
            String finalKindA = kindA;
            String finalKindB = kindB;
            step(name, () -> {
                showsExpected(first);
                WebElement buttonA = prepare(finalKindA, targetA, renameA);
                showsExpected(second);
                WebElement buttonB = prepare(finalKindB, targetB, renameB);
                double at = page.browserTimeIn(700);
                switchTo(first);
                page.clickAt(buttonA, at);
                switchTo(second);
                page.clickAt(buttonB, at);
                List<String> before = new ArrayList<>(expected);
                apply(finalKindA, targetA, renameA);
                apply(finalKindB, targetB, renameB);
                boolean twoAdds = finalKindA.equals("add") && finalKindB.equals("add");
                for (String tab : List.of(first, second)) {
                    switchTo(tab);
                    page.waitFor(Duration.ofSeconds(15), () -> sameUpToTwoAdds(issuers(), twoAdds, before));
                }
                if (twoAdds) {
                    // Whichever tab stored first is first: the model takes the order the tabs agree on.
                    expected.clear();
                    expected.addAll(issuers());
                }
            });
            touched.add(targetA);
            touched.add(targetB);
        }

        private boolean sameUpToTwoAdds(List<String> shown, boolean twoAdds, List<String> before) {
            if (!twoAdds) {
                return shown.equals(expected);
            }
            return shown.size() == expected.size() && shown.subList(0, before.size()).equals(before)
                    && new HashSet<>(shown).equals(new HashSet<>(expected));
        }

        private WebElement prepare(String kind, String target, String renamed) {
            switch (kind) {
                case "add":
                    return page.button(prepareAdd(target), "Add from link");
                case "edit":
                    return page.button(prepareEdit(target, renamed), "Save");
                default:
                    return page.button(prepareDelete(target), "Delete");
            }
        }

        private void apply(String kind, String target, String renamed) {
            switch (kind) {
                case "add":
                    expected.add(target);
                    break;
                case "edit":
                    expected.set(expected.indexOf(target), renamed);
                    break;
                default:
                    expected.remove(target);
            }
        }

        /** The invariant: a new tab opens the vault without an error and shows exactly the model's accounts. */
        private void checkInANewTab() {
            String back = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            page.open();
            List<String> alerts = page.alerts();
            List<String> shown = issuers();
            browser.driver().close();
            switchTo(back);
            assertEquals(List.of(), alerts, "a new tab opens the vault");
            assertEquals(expected, shown, "a new tab shows every account added and not deleted, in order");
        }
    }
}
