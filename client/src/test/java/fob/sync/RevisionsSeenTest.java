package fob.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The revisions seen per backup (docs/formats.md, the key {@code backup}): kept, written and read back. */
class RevisionsSeenTest {
    @Test
    void aRevisionSeenIsKeptPerAccountAndLineageAndOnlyEverRises() {
        RevisionsSeen seen = RevisionsSeen.NONE.with("acct-a", "L1", 4).with("acct-a", "L2", 2).with("acct-b", "L1", 9)
                .with("acct-a", "L1", 3);
        assertEquals(4, seen.of("acct-a", "L1"), "a lower revision changes nothing");
        assertEquals(2, seen.of("acct-a", "L2"));
        assertEquals(9, seen.of("acct-b", "L1"));
        assertEquals(0, seen.of("acct-b", "L2"));
        assertEquals(0, seen.of(null, "L1"));
        assertEquals(5, seen.with(null, "L3", 5).with("acct-a", null, 5).of("acct-a", null), "a backup before lineages");
    }

    @Test
    void theStoredFormIsOneBackupALineAndReadsBack() {
        RevisionsSeen seen = RevisionsSeen.NONE.with("acct-a", "L1", 4).with("acct-b", null, 7);
        assertEquals("acct-a L1 4\nacct-b - 7\n", seen.write());
        RevisionsSeen read = RevisionsSeen.read(seen.write());
        assertEquals(4, read.of("acct-a", "L1"));
        assertEquals(7, read.of("acct-b", null));
        assertEquals(0, RevisionsSeen.read(null).of("acct-a", "L1"), "a record from before it");
        RevisionsSeen damaged = RevisionsSeen.read("acct-a L1 x\nonly two\nacct-c L9 3\n");
        assertEquals(0, damaged.of("acct-a", "L1"), "a line that does not read is skipped");
        assertEquals(3, damaged.of("acct-c", "L9"), "and the others are read");
    }

    @Test
    void theLeastRecentlyJoinedBackupIsForgottenFirst() {
        RevisionsSeen seen = RevisionsSeen.NONE;
        for (int i = 0; i < RevisionsSeen.MAX_BACKUPS + 1; i++) {
            seen = seen.with("acct", "L" + i, 1);
        }
        assertEquals(0, seen.of("acct", "L0"));
        assertEquals(1, seen.of("acct", "L1"));
        assertEquals(1, seen.of("acct", "L" + RevisionsSeen.MAX_BACKUPS));
    }

    @Test
    void anAccountIdWithWhiteSpaceIsNotRecorded() {
        assertEquals(0, RevisionsSeen.NONE.with("a b", "L1", 3).of("a b", "L1"));
    }
}
