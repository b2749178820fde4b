package fob.lock;

/**
 * When an unlocked page locks by itself: after a chosen idle time with no input, and, if chosen, as soon as the
 * tab is hidden. Times are the page's clock in milliseconds; a clock that jumps back counts as activity.
 */
public final class IdleLock {
    /** The choices of "Lock after", in minutes; 0 is never. */
    public static final int[] CHOICES_MINUTES = {1, 5, 15, 60, 0};
    public static final int DEFAULT_MINUTES = 5;

    private long idleMillis;
    private boolean whenHidden;
    private long lastActivity;

    public IdleLock(long now, long idleMillis, boolean whenHidden) {
        this.lastActivity = now;
        this.idleMillis = idleMillis;
        this.whenHidden = whenHidden;
    }

    public void configure(long idleMillis, boolean whenHidden) {
        this.idleMillis = idleMillis;
        this.whenHidden = whenHidden;
    }

    public void activity(long now) {
        lastActivity = now;
    }

    /** Whether the page must lock now; {@code hidden} is whether its tab is in the background. */
    public boolean due(long now, boolean hidden) {
        if (hidden && whenHidden) {
            return true;
        }
        if (now < lastActivity) {
            lastActivity = now;
        }
        return idleMillis > 0 && now - lastActivity >= idleMillis;
    }

    public static boolean isChoice(int minutes) {
        for (int choice : CHOICES_MINUTES) {
            if (choice == minutes) {
                return true;
            }
        }
        return false;
    }
}
