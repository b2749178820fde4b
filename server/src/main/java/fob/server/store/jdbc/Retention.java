package fob.server.store.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which earlier versions a new one lets go. Kept: the newest {@code keep} versions (the new one among them), and,
 * for each of the last {@code keepDays} days (UTC, today included), the last version written that day: the
 * backup as it stood at the end of that day. A run of quick writes, from a stolen session say, replaces only the
 * newest versions and today's; each earlier day's last version stays until it is {@code keepDays} days old (or
 * the account's quota needs its room: see {@link #overQuota}). A rotation keeps 1 and no days: every earlier
 * version goes.
 */
final class Retention {
    static final long DAY_MILLIS = 86_400_000L;

    private Retention() {
    }

    /**
     * {@code earlier}: the account's versions as {version, createdAt, size}, newest first; {@code version}: the one
     * being written at {@code now}. Returns those that go, in the same form.
     */
    static List<long[]> dropped(List<long[]> earlier, long version, int keep, int keepDays, long now) {
        long today = Math.floorDiv(now, DAY_MILLIS);
        Set<Long> daysSeen = new HashSet<>();
        // The new version is the last of today.
        daysSeen.add(today);
        List<long[]> dropped = new ArrayList<>();
        for (long[] v : earlier) {
            long day = Math.floorDiv(v[1], DAY_MILLIS);
            // Newest first: the first version met on a day is that day's last.
            boolean lastOfItsDay = daysSeen.add(day);
            boolean newest = v[0] > version - keep;
            boolean daily = keepDays > 0 && lastOfItsDay && day > today - keepDays;
            if (!newest && !daily) {
                dropped.add(v);
            }
        }
        return dropped;
    }

    /**
     * Which versions go so that the account's versions fit {@code maxBytes}. {@code versions}: all of them as
     * {version, createdAt, size}, newest first, the current one first. The current version always stays. First go
     * the versions that are not a kept day's last (oldest first), so that a burst of large writes replaces its own
     * versions rather than the earlier days'; only if that is not enough, the days' last versions (oldest first).
     * Returns those that go, in the order they go.
     */
    static List<long[]> overQuota(List<long[]> versions, long maxBytes, int keepDays, long now) {
        long total = 0;
        for (long[] v : versions) {
            total += v[2];
        }
        if (total <= maxBytes || versions.size() < 2) {
            return List.of();
        }
        long today = Math.floorDiv(now, DAY_MILLIS);
        Set<Long> daysSeen = new HashSet<>();
        List<long[]> others = new ArrayList<>();
        List<long[]> daily = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            long[] v = versions.get(i);
            long day = Math.floorDiv(v[1], DAY_MILLIS);
            boolean lastOfItsDay = daysSeen.add(day);
            if (i == 0) {
                continue;
            }
            if (keepDays > 0 && lastOfItsDay && day > today - keepDays) {
                daily.add(v);
            } else {
                others.add(v);
            }
        }
        // Oldest first within each.
        Collections.reverse(others);
        Collections.reverse(daily);
        List<long[]> order = new ArrayList<>(others);
        order.addAll(daily);
        List<long[]> gone = new ArrayList<>();
        for (long[] v : order) {
            if (total <= maxBytes) {
                break;
            }
            gone.add(v);
            total -= v[2];
        }
        return gone;
    }
}
