package fob.server.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order in which an account over its quota lets versions go: the days' last versions after the others. */
class RetentionTest {
    private static final long DAY = Retention.DAY_MILLIS;
    private static final long NOON = 20_000 * DAY + DAY / 2;

    /**
     * Newest first, 10 bytes each: 10 (current), 9, 8, 7 today; 4 and 3 yesterday; 2 and 1 the day before. The
     * last of each earlier day: 4 and 2.
     */
    private static List<long[]> threeDays() {
        List<long[]> versions = new ArrayList<>();
        for (long v : new long[] {10, 9, 8, 7}) {
            versions.add(new long[] {v, NOON - (10 - v) * 60_000, 10});
        }
        versions.add(new long[] {4, NOON - DAY + 60_000, 10});
        versions.add(new long[] {3, NOON - DAY, 10});
        versions.add(new long[] {2, NOON - 2 * DAY + 60_000, 10});
        versions.add(new long[] {1, NOON - 2 * DAY, 10});
        return versions;
    }

    private static List<Long> numbers(List<long[]> versions) {
        return versions.stream().map(v -> v[0]).toList();
    }

    @Test
    void theOthersGoOldestFirstBeforeAnyDaysLastVersion() {
        assertEquals(List.of(1L, 3L, 7L), numbers(Retention.overQuota(threeDays(), 50, 30, NOON)));
        assertEquals(List.of(1L, 3L, 7L, 8L, 9L), numbers(Retention.overQuota(threeDays(), 30, 30, NOON)),
                "the newest but one go before the days' last versions");
    }

    @Test
    void thenTheDaysLastVersionsOldestFirstAndTheCurrentOneAlwaysStays() {
        assertEquals(List.of(1L, 3L, 7L, 8L, 9L, 2L), numbers(Retention.overQuota(threeDays(), 20, 30, NOON)));
        assertEquals(List.of(1L, 3L, 7L, 8L, 9L, 2L, 4L), numbers(Retention.overQuota(threeDays(), 5, 30, NOON)),
                "the current version stays even when it alone is over");
    }

    @Test
    void underTheQuotaNothingGoes() {
        assertEquals(List.of(), numbers(Retention.overQuota(threeDays(), 80, 30, NOON)));
        assertEquals(List.of(), numbers(Retention.overQuota(List.of(new long[] {1, NOON, 100}), 10, 30, NOON)));
    }

    @Test
    void daysNoLongerKeptAndNoDaysAreOldestFirst() {
        assertEquals(List.of(1L, 2L, 3L, 7L, 8L, 9L, 4L), numbers(Retention.overQuota(threeDays(), 5, 2, NOON)),
                "two days: today and yesterday; the day before is not kept");
        assertEquals(List.of(1L, 2L, 3L, 4L, 7L, 8L, 9L), numbers(Retention.overQuota(threeDays(), 5, 0, NOON)));
    }
}
