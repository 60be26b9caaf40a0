package vn.baovetreem.indicators;

import vn.baovetreem.indicators.IndicatorService.Values;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indicator values already computed, each with the stamp of what it read ({@link IndicatorInputs}),
 * the most recently used {@link #ENTRIES} of them: a repeated export is a lookup. A value is served
 * only for the stamp it was computed under, so a write that could change it retires it.
 */
final class KeptValues {

    /** Values kept: a province's export with every breakdown is a few megabytes. */
    static final int ENTRIES = 16;

    /** What a computation depends on besides the data: the unit's path that day, the period, what was asked. */
    record Key(String path, Period period, List<String> indicators, List<String> by, Integer suppressBelow) {
    }

    private record Kept(long stamp, Values values) {
    }

    private final Map<Key, Kept> entries = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > ENTRIES;
        }
    };

    /** The values kept for {@code key} if they were computed under {@code stamp}, else null. */
    synchronized Values get(Key key, long stamp) {
        Kept entry = entries.get(key);
        return entry != null && entry.stamp() == stamp ? entry.values() : null;
    }

    synchronized void put(Key key, long stamp, Values values) {
        entries.put(key, new Kept(stamp, values));
    }
}
