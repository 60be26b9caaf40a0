package vn.baovetreem.sync;

/**
 * A point in the change log: the writing transaction's id ({@code xid8}) and the row's sequence
 * number inside the log. Rows are read in this order; a position stands just after the row it names.
 */
record Position(long tx, long seq) implements Comparable<Position> {

    /** The point before every change of transaction {@code tx} and of the transactions after it. */
    static Position before(long tx) {
        return new Position(tx, 0);
    }

    @Override
    public int compareTo(Position other) {
        int byTx = Long.compare(tx, other.tx);
        return byTx != 0 ? byTx : Long.compare(seq, other.seq);
    }

    Position max(Position other) {
        return compareTo(other) >= 0 ? this : other;
    }

    String format() {
        return tx + "." + seq;
    }

    /** The position {@link #format()} wrote, or null when {@code text} is not one. */
    static Position parse(String text) {
        int dot = text.indexOf('.');
        try {
            return dot < 0 ? null : new Position(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
