package vn.baovetreem.indicators;

import java.util.LinkedHashMap;
import java.util.Map;

/** The most recently used entries, at most a given number of them; safe to share between threads. */
final class Recent<K, V> {

    private final Map<K, V> entries;

    Recent(int size) {
        this.entries = new LinkedHashMap<>(size, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        };
    }

    synchronized V get(K key) {
        return entries.get(key);
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized void clear() {
        entries.clear();
    }
}
