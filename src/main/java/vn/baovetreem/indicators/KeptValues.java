package vn.baovetreem.indicators;

import vn.baovetreem.indicators.IndicatorService.Values;

import java.util.List;

/**
 * Indicator values already computed, each with the stamps of what it read ({@link IndicatorInputs})
 * and the counts behind it by part, the most recently used {@link #ENTRIES} of them: a repeated
 * export is a lookup, and one after writes in some parts of the unit counts those parts again.
 * Values are served only under the stamps they were computed under.
 */
final class KeptValues {

    /** Values kept: a province's export with every breakdown and its counts by part hold about 2.2 MB of heap. */
    static final int ENTRIES = 16;

    /** What a computation depends on besides the data: the unit's path that day, the period, what was asked. */
    record Key(String path, Period period, List<String> indicators, List<String> by, Integer suppressBelow) {
    }

    /** Values with the stamps they were computed under and the counts by part they were made of; no values when read from {@link TallyRepository}. */
    record Kept(IndicatorInputs.Stamps stamps, IndicatorEngine.Tallies tallies, Values values) {
    }

    private final Recent<Key, Kept> entries = new Recent<>(ENTRIES);

    /** What is kept for {@code key}, whatever its stamps, or null. */
    Kept get(Key key) {
        return entries.get(key);
    }

    void put(Key key, Kept kept) {
        entries.put(key, kept);
    }

    /** Forgets every value, as a restart does. */
    void clear() {
        entries.clear();
    }
}
