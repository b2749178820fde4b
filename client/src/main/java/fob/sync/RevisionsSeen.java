package fob.sync;

import fob.codec.TextSplit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest payload revision this browser has seen in each backup (a recovery account's lineage) it has belonged
 * to, kept after backup is stopped, deleted, or switched to another account or lineage: the server may say a backup
 * is gone and later serve an older version of it, and none of that is proof of anything. Immutable; at most
 * {@link #MAX_BACKUPS} backups, the least recently joined forgotten first.
 *
 * <p>Its stored form (docs/formats.md, the key {@code backup}) is text, one backup a line: the account's id, the
 * lineage ({@code -} for a backup written before lineages) and the revision, separated by spaces.
 */
public final class RevisionsSeen {
    static final int MAX_BACKUPS = 64;
    public static final RevisionsSeen NONE = new RevisionsSeen(new LinkedHashMap<>());

    private final LinkedHashMap<String, Long> revisions;

    private RevisionsSeen(LinkedHashMap<String, Long> revisions) {
        this.revisions = revisions;
    }

    private static String key(String accountId, String lineage) {
        return accountId + " " + (lineage == null ? "-" : lineage);
    }

    /** The highest revision seen in {@code lineage} of {@code accountId}; 0 for a backup never seen. */
    public long of(String accountId, String lineage) {
        if (accountId == null) {
            return 0;
        }
        Long seen = revisions.get(key(accountId, lineage));
        return seen == null ? 0 : seen;
    }

    /** With {@code revision} seen in that backup (a lower one changes nothing). */
    RevisionsSeen with(String accountId, String lineage, long revision) {
        if (accountId == null || !isOneWord(accountId) || revision <= of(accountId, lineage)) {
            return this;
        }
        LinkedHashMap<String, Long> next = new LinkedHashMap<>(revisions);
        String key = key(accountId, lineage);
        next.remove(key);
        next.put(key, revision);
        while (next.size() > MAX_BACKUPS) {
            next.remove(next.keySet().iterator().next());
        }
        return new RevisionsSeen(next);
    }

    /** Whether {@code text} can stand as one field of a line: not empty, no white space. */
    private static boolean isOneWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The stored form. */
    public String write() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Long> entry : revisions.entrySet()) {
            text.append(entry.getKey()).append(' ').append(entry.getValue()).append('\n');
        }
        return text.toString();
    }

    /**
     * Reads the stored form; null (a record from before it) is none. A line that does not read is skipped: losing
     * one backup's memory weakens rollback protection for it, but must not stop backup.
     */
    public static RevisionsSeen read(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        LinkedHashMap<String, Long> revisions = new LinkedHashMap<>();
        for (String line : TextSplit.split(text, '\n')) {
            String[] parts = TextSplit.split(line, ' ').toArray(new String[0]);
            if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                continue;
            }
            try {
                long revision = Long.parseLong(parts[2]);
                if (revision > 0) {
                    revisions.put(parts[0] + " " + parts[1], revision);
                }
            } catch (NumberFormatException e) {
                // Skipped, as said above.
            }
        }
        return new RevisionsSeen(revisions);
    }
}
