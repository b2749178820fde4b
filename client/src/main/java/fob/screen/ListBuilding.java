package fob.screen;

/**
 * How the list's items are built: enough rows for a tall screen before the first code shows, the rest in chunks
 * on later tasks, so that a vault of thousands shows its first codes as fast as a small one.
 */
public final class ListBuilding {
    /** Rows built before the first code shows: more than a tall screen holds. */
    static final int FIRST_ROWS = 40;
    /**
     * Of those, the rows whose codes are worked out before the page's observer first reports: a tall screen's worth
     * (rows are about 120 px high). The observer corrects it at once, either way.
     */
    static final int FIRST_ON_SCREEN = 12;
    static final int CHUNK_ROWS = 400;

    private ListBuilding() {
    }

    /** Where a rendering's first build of {@code total} rows stops. */
    public static int firstEnd(int total) {
        return Math.min(FIRST_ROWS, total);
    }

    /** Where the next chunk after {@code built} rows stops. */
    public static int nextEnd(int built, int total) {
        return Math.min(built + CHUNK_ROWS, total);
    }

    /** Whether a row counts as on screen before the observer says: in the first build, the first screenful shown. */
    public static boolean assumedOnScreen(int index, boolean firstBuild, boolean shown) {
        return firstBuild && shown && index < FIRST_ON_SCREEN;
    }
}
