package vn.baovetreem.indicators;

import vn.baovetreem.indicators.IndicatorService.Values;

import java.util.List;

/**
 * Indicator values already computed, each with the stamp of what it read ({@link IndicatorInputs}),
 * the most recently used {@link #ENTRIES} of them: a repeated export is a lookup. A value is served
 * only for the stamp it was computed under, so a write that could change it retires it.
 */
final class KeptValues {

    /** Values kept: a province's export with every breakdown and its workbook hold about 1.5 MB of heap. */
    static final int ENTRIES = 16;

    /** What a computation depends on besides the data: the unit's path that day, the period, what was asked. */
    record Key(String path, Period period, List<String> indicators, List<String> by, Integer suppressBelow) {
    }

    private record Kept(long stamp, Values values) {
    }

    private final Recent<Key, Kept> entries = new Recent<>(ENTRIES);

    /** The values kept for {@code key} if they were computed under {@code stamp}, else null. */
    Values get(Key key, long stamp) {
        Kept entry = entries.get(key);
        return entry != null && entry.stamp() == stamp ? entry.values() : null;
    }

    void put(Key key, long stamp, Values values) {
        entries.put(key, new Kept(stamp, values));
    }
}
