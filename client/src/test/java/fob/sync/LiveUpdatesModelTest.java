package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A model-based test of the live-sync stream's life (issue 14): random steps (Cloud backup turned on or off,
 * signed in or out, this tab becoming the leader of the browser's Fob tabs, the browser's stream opening,
 * breaking, delivering events, the retry timer firing) against a simulated browser. A stream is wanted while
 * backup is on and this tab leads. After every step:
 * <ul>
 * <li>at most one stream exists, and none while no stream is wanted (nor a pending retry): a tab that does not
 * lead never holds one;
 * <li>while one is wanted there is either a stream or a retry pending, never both, never neither;
 * <li>a pending retry waits 1, 2, 4 ... seconds after 1, 2, 3 ... breaks in a row, never more than 60, and a
 * stream that opens starts the count again;
 * <li>every event of an open stream makes exactly one pull, and nothing else does.
 * </ul>
 * A failure prints its seed. {@code -Dfob.liveModel.sequences/steps/seed} set the size or replay one sequence.
 */
class LiveUpdatesModelTest {
    private static final int SEQUENCES = Integer.getInteger("fob.liveModel.sequences", 300);
    private static final int STEPS = Integer.getInteger("fob.liveModel.steps", 80);
    private static final String[] KINDS = {"backup on", "backup off", "stream opens", "stream breaks",
        "event arrives", "retry timer fires", "becomes the leader"};

    /** The simulated browser: its streams, its one timer, and the pulls the page made. */
    private static final class Browser implements LiveUpdates.Stream, LiveUpdates.Timer {
        int streams;
        boolean streamOpened;
        Runnable pendingRetry;
        long pendingDelay;
        int pulls;

        @Override
        public void open() {
            streams++;
            streamOpened = false;
        }

        @Override
        public void close() {
            streams--;
            streamOpened = false;
        }

        @Override
        public void after(long millis, Runnable task) {
            if (pendingRetry != null) {
                throw new AssertionError("a second retry while one was pending");
            }
            pendingRetry = task;
            pendingDelay = millis;
        }

        @Override
        public void cancel() {
            pendingRetry = null;
        }
    }

    @Test
    void theWaitDoublesFromOneSecondUpToAMinute() {
        long[] expected = {0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000};
        for (int failures = 0; failures < expected.length; failures++) {
            assertEquals(expected[failures], LiveUpdates.backoffMillis(failures), failures + " breaks");
        }
        assertEquals(60_000, LiveUpdates.backoffMillis(1_000));
    }

    @Test
    void theStreamLivesExactlyWhileItIsWanted() {
        Long only = Long.getLong("fob.liveModel.seed");
        long runs = 0;
        for (int sequence = 0; sequence < (only == null ? SEQUENCES : 1); sequence++) {
            long seed = only != null ? only : 0x5eed1ab5L + sequence * 7919L;
            List<String> trace = new ArrayList<>();
            try {
                run(seed, trace);
                runs++;
            } catch (AssertionError e) {
                fail("seed " + seed + " (replay with -Dfob.liveModel.seed=" + seed + "), steps:\n  "
                        + String.join("\n  ", trace), e);
            }
        }
        System.out.printf("LiveUpdatesModelTest: %d sequences of %d steps%n", runs, STEPS);
    }

    private static void run(long seed, List<String> trace) {
        Random random = new Random(seed);
        Browser browser = new Browser();
        LiveUpdates live = new LiveUpdates(browser, browser, () -> browser.pulls++);
        boolean backupOn = false;
        boolean leader = false;
        int expectedPulls = 0;
        int breaksInARow = 0;
        for (int step = 0; step < STEPS; step++) {
            int kind = random.nextInt(KINDS.length);
            trace.add(KINDS[kind]);
            switch (kind) {
                case 0 -> {
                    if (!backupOn && leader) {
                        // Wanted anew: the count of breaks starts again.
                        breaksInARow = 0;
                    }
                    backupOn = true;
                    live.setBackupOn(true);
                }
                case 1 -> {
                    backupOn = false;
                    live.setBackupOn(false);
                }
                case 6 -> {
                    // A tab leads from when it takes the browser's lock until it closes: never twice, never back.
                    if (!leader) {
                        if (backupOn) {
                            // Wanted anew: the count of breaks starts again.
                            breaksInARow = 0;
                        }
                        leader = true;
                        live.setLeader(true);
                    }
                }
                case 2 -> {
                    if (browser.streams == 1 && !browser.streamOpened) {
                        browser.streamOpened = true;
                        breaksInARow = 0;
                        live.opened();
                    }
                }
                case 3 -> {
                    if (browser.streams == 1) {
                        breaksInARow++;
                        live.failed();
                    }
                }
                case 4 -> {
                    if (browser.streams == 1 && browser.streamOpened) {
                        expectedPulls++;
                    }
                    // An event the browser delivers before "open" (it does not) must change nothing either.
                    if (browser.streams == 1) {
                        live.changed();
                    }
                }
                case 5 -> {
                    Runnable retry = browser.pendingRetry;
                    if (retry != null) {
                        browser.pendingRetry = null;
                        retry.run();
                    }
                }
                default -> throw new AssertionError(kind);
            }
            check(live, browser, backupOn && leader, breaksInARow, expectedPulls);
        }
    }

    private static void check(LiveUpdates live, Browser browser, boolean wanted, int breaksInARow,
            int expectedPulls) {
        if (browser.streams < 0 || browser.streams > 1) {
            throw new AssertionError(browser.streams + " streams");
        }
        if (!wanted) {
            assertEquals(0, browser.streams, "a stream while none is wanted");
            assertEquals(null, browser.pendingRetry, "a retry pending while no stream is wanted");
            assertEquals(LiveUpdates.State.OFF, live.state());
        } else if ((browser.streams == 1) == (browser.pendingRetry != null)) {
            throw new AssertionError("wanted, with " + browser.streams + " streams and "
                    + (browser.pendingRetry == null ? "no retry" : "a retry") + " pending");
        }
        if (browser.pendingRetry != null) {
            long expected = Math.min(60_000, 1000L << Math.min(breaksInARow - 1, 16));
            assertEquals(expected, browser.pendingDelay, "the wait after " + breaksInARow + " breaks in a row");
            assertEquals(LiveUpdates.State.WAITING, live.state());
        }
        if (browser.streams == 1) {
            assertEquals(browser.streamOpened ? LiveUpdates.State.OPEN : LiveUpdates.State.CONNECTING, live.state());
        }
        assertEquals(expectedPulls, browser.pulls, "pulls");
    }
}
