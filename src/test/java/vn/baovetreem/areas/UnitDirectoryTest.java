package vn.baovetreem.areas;

import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.FakeClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the directory keeps units: each read again once it is 30 s old, and those older than 15 s
 * read with it, so that units read at different times come to be read together.
 */
class UnitDirectoryTest {

    private final List<Set<String>> statements = new ArrayList<>();

    private final AdminUnitRepository repository = new AdminUnitRepository() {
        @Override
        List<UnitDirectory.UnitSummary> latestStates(Collection<String> codes) {
            statements.add(Set.copyOf(codes));
            return codes.stream().filter(c -> !c.equals("unknown")).map(c -> new UnitDirectory.UnitSummary(c, "Thôn " + c, "Thôn",
                    UnitLevel.VILLAGE, "20.06298." + c, null, null, null)).toList();
        }
    };

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T00:00:00Z"));

    private final UnitDirectory directory = new UnitDirectory(repository, clock);

    @Test
    void unitsReadAtDifferentTimesComeToBeReadTogether() {
        assertThat(directory.findAll(List.of("a")).keySet()).containsExactly("a");
        later(20);
        assertThat(directory.findAll(List.of("b")).keySet()).as("only what was asked").containsExactly("b");
        later(5);
        assertThat(directory.findAll(List.of("a", "b", "unknown")).keySet()).containsExactlyInAnyOrder("a", "b");
        later(31);
        directory.findAll(List.of("a"));
        directory.findAll(List.of("b"));

        assertThat(statements).containsExactly(Set.of("a"), Set.of("a", "b"), Set.of("unknown"), Set.of("a", "b"));
    }

    @Test
    void aChangeOfTheTreeForgetsEveryUnit() {
        directory.findAll(List.of("a", "b"));
        directory.forget(new UnitDirectory.TreeChanged());
        directory.findAll(List.of("a"));

        assertThat(statements).containsExactly(Set.of("a", "b"), Set.of("a"));
    }

    private void later(int seconds) {
        clock.advance(seconds);
    }
}
