package fob.screen;

/**
 * Where a row is in the list: its index, whether it is the last, and whether the list is in the person's own order
 * (then rows can move up and down). Two places are equal when a row built for one can stand for the other.
 */
public final class RowPlace {
    private final int index;
    private final boolean last;
    private final boolean movable;

    public RowPlace(int index, int count, boolean movable) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("Row " + index + " of " + count);
        }
        this.index = index;
        this.last = index == count - 1;
        this.movable = movable;
    }

    public int index() {
        return index;
    }

    public boolean first() {
        return index == 0;
    }

    public boolean last() {
        return last;
    }

    /** Whether the list is in the person's own order: a row can be dragged, and moved up and down. */
    public boolean movable() {
        return movable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowPlace && ((RowPlace) o).index == index && ((RowPlace) o).last == last
                && ((RowPlace) o).movable == movable;
    }

    @Override
    public int hashCode() {
        return index * 4 + (last ? 2 : 0) + (movable ? 1 : 0);
    }
}
