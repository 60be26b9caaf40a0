package vn.baovetreem.common.persistence;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidThatStartsWithItsMillisecond() {
        long at = 1_764_662_400_123L; // 2025-12-02T08:00:00.123Z
        UUID id = TimeOrderedIds.at(at);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, id.getMostSignificantBits() >>> 16);
        assertTrue(id.toString().startsWith(String.format("%08x-%04x-7", at >>> 16, at & 0xffff)));
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAsPostgresqlComparesThem() {
        // PostgreSQL orders uuids by their bytes, unsigned, which is their text's order.
        UUID earlier = TimeOrderedIds.at(1_764_662_400_000L);
        UUID later = TimeOrderedIds.at(1_764_662_400_001L);

        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void idsOfTheSameMillisecondDifferByTheirRandomBits() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(1_764_662_400_000L));
        }

        assertEquals(10_000, ids.size());
    }

    @Test
    void threadsDrawingTogetherGetIdsOfTheirOwn() throws Exception {
        // Each thread has a generator of its own: generators seeded alike would give threads the same ids.
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                threads.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        ids.add(TimeOrderedIds.at(1_764_662_400_000L));
                    }
                });
            }
        }

        assertEquals(8_000, ids.size());
    }
}
