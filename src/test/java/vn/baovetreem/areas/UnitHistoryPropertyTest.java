package vn.baovetreem.areas;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.baovetreem.testing.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds random unit histories through the admin API (villages and communes created with past
 * dates under parents that changed or retired since, retirements of villages and communes into
 * successors, some of them into earlier periods), places records on random dates, and checks,
 * for every year and half-year and every unit, that the indicator counts equal a computation
 * made here from the history alone: a record counts, at every level, in the unit it stood in at
 * the end of the period, or in that unit's successor. Each history lives in a province of its own.
 * A failure names its seed; rerun that seed alone to see it again.
 */
@QuarkusTest
class UnitHistoryPropertyTest {

    private static final String UNITS = "/api/v1/admin-units";
    private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
    private static final LocalDate LAST = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1);
    private static final String KEYS = "child-population,awareness-sessions,villages-with-child-facilities";

    @Inject
    AgroalDataSource database;

    /** The history as this test knows it: what each unit was created as and how it ended, nothing derived. */
    private static final class Unit {
        final String code;
        final UnitLevel level;
        final Unit parent;
        final LocalDate from;
        LocalDate to;
        Unit successor;

        Unit(String code, UnitLevel level, Unit parent, LocalDate from) {
            this.code = code;
            this.level = level;
            this.parent = parent;
            this.from = from;
        }

        boolean inForceOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }

        /** The unit in force this one stands as on {@code day}: itself, or its successor's after its retirement. */
        Unit standingOn(LocalDate day) {
            if (inForceOn(day)) {
                return this;
            }
            return to != null && day.isAfter(to) ? successor.standingOn(day) : null;
        }

        /** Whether {@code unit} is among the successors of this unit, directly or through theirs. */
        boolean succeededBy(Unit unit) {
            for (Unit u = successor; u != null; u = u.successor) {
                if (u == unit) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this unit's records count toward {@code unit} on {@code day}. */
        boolean countsToward(Unit unit, LocalDate day) {
            for (Unit u = standingOn(day); u != null; u = u.parent == null ? null : u.parent.standingOn(day)) {
                if (u == unit) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Child(Unit village, LocalDate born) {
    }

    private record Activity(Unit unit, LocalDate heldOn) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 19, 2025})
    void everyRecordCountsOnceAtEveryLevelInTheUnitItStoodInOrItsSuccessor(long seed) throws SQLException {
        Random random = new Random(seed);
        String prefix = "Q" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        Unit province = new Unit(prefix, UnitLevel.PROVINCE, null, LocalDate.of(2000, 1, 1));
        create(province, 201);
        List<Unit> communes = new ArrayList<>();
        List<Unit> villages = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            int choice = step < 3 ? 0 : step < 9 ? 1 : random.nextInt(10);
            if (choice == 0 || choice == 2 && communes.size() < 6) {
                Unit commune = new Unit(prefix + "C" + communes.size(), UnitLevel.COMMUNE, province, day(random));
                create(commune, 201);
                communes.add(commune);
            } else if (choice <= 4) {
                Unit parent = pick(random, communes, u -> true);
                Unit village = new Unit(parent.code + "_" + villages.size(), UnitLevel.VILLAGE, parent, day(random));
                boolean accepted = parent.inForceOn(village.from);
                create(village, accepted ? 201 : 400);
                if (accepted) {
                    villages.add(village);
                }
            } else {
                List<Unit> level = choice <= 7 ? villages : communes;
                Unit retired = pick(random, level, u -> u.to == null);
                Unit successor = pick(random, level, u -> true);
                if (retired == null || successor == null) {
                    continue;
                }
                LocalDate lastDay = random.nextInt(4) == 0 ? day(random)
                        : retired.from.plusDays(random.nextLong(ChronoUnit.DAYS.between(retired.from, LAST) + 1));
                boolean accepted = !lastDay.isBefore(retired.from) && successor != retired && successor.inForceOn(lastDay.plusDays(1))
                        && !successor.succeededBy(retired);
                retire(retired, lastDay, successor, accepted ? 200 : 400, seed);
                if (accepted) {
                    retired.to = lastDay;
                    retired.successor = successor;
                }
            }
        }

        if (villages.isEmpty()) {
            Unit village = new Unit(communes.getFirst().code + "_x", UnitLevel.VILLAGE, communes.getFirst(), communes.getFirst().from);
            create(village, 201);
            villages.add(village);
        }
        List<Child> children = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            children.add(new Child(villages.get(random.nextInt(villages.size())),
                    LocalDate.of(2004, 1, 1).plusDays(random.nextInt((int) ChronoUnit.DAYS.between(LocalDate.of(2004, 1, 1), LAST)))));
        }
        for (int i = 0; i < 50; i++) {
            List<Unit> level = random.nextBoolean() ? villages : communes;
            activities.add(new Activity(level.get(random.nextInt(level.size())), day(random)));
        }
        store(children, activities);

        List<Unit> all = new ArrayList<>(List.of(province));
        all.addAll(communes);
        all.addAll(villages);
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            for (String period : List.of(String.valueOf(year), year + "-H1")) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = period.endsWith("H1") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
                for (Unit unit : all) {
                    // Villages are checked as parts of their commune in every period, and asked for themselves in whole years.
                    if (unit.level != UnitLevel.VILLAGE || !period.endsWith("H1")) {
                        check(seed, unit, period, from, to, all, children, activities);
                    }
                }
            }
        }
    }

    /** The service's counts for {@code unit} and each unit directly under it equal the ones computed here. */
    private static void check(long seed, Unit unit, String period, LocalDate from, LocalDate to, List<Unit> all,
                              List<Child> children, List<Activity> activities) {
        var request = Api.as("admin").queryParam("unit", unit.code).queryParam("period", period).queryParam("keys", KEYS);
        if (unit.level != UnitLevel.VILLAGE) {
            request.queryParam("by", "UNIT");
        }
        Response response = request.get("/api/v1/indicator-values");
        String where = "seed " + seed + ", " + unit.code + " in " + period;
        if (!unit.inForceOn(to)) {
            assertThat(response.statusCode()).as(where + ": a unit not in force at the end of the period").isEqualTo(400);
            return;
        }
        assertThat(response.statusCode()).as(where).isEqualTo(200);
        JsonPath json = response.jsonPath();

        Map<String, Unit> counted = new LinkedHashMap<>();
        counted.put(unit.code, unit);
        if (unit.level != UnitLevel.VILLAGE) {
            all.stream().filter(u -> u.inForceOn(to) && u.parent != null && u.parent.standingOn(to) == unit)
                    .forEach(u -> counted.put(u.code, u));
        }
        Map<String, Long> population = new LinkedHashMap<>();
        Map<String, Long> sessions = new LinkedHashMap<>();
        Map<String, Long> villagesInForce = new LinkedHashMap<>();
        counted.forEach((code, u) -> {
            population.put(code, children.stream().filter(c -> !c.born().isAfter(to) && c.born().isAfter(to.minusYears(16))
                    && c.village().countsToward(u, to)).count());
            sessions.put(code, activities.stream().filter(a -> !a.heldOn().isBefore(from) && !a.heldOn().isAfter(to)
                    && a.unit().countsToward(u, to)).count());
            villagesInForce.put(code, all.stream().filter(v -> v.level == UnitLevel.VILLAGE && v.inForceOn(to)
                    && v.countsToward(u, to)).count());
        });
        assertThat(totals(json, "child-population", "numerator")).as(where + ": child population").isEqualTo(population);
        assertThat(totals(json, "awareness-sessions", "numerator")).as(where + ": awareness sessions").isEqualTo(sessions);
        assertThat(totals(json, "villages-with-child-facilities", "denominator")).as(where + ": villages in force")
                .isEqualTo(villagesInForce);
    }

    /** The total of {@code side} for the unit and for each unit under it, by unit code. */
    private static Map<String, Long> totals(JsonPath json, String key, String side) {
        List<Map<String, Object>> values = json.getList("indicators.find { it.key == '" + key + "' }.values.findAll { it.disaggregation == null }");
        Map<String, Long> totals = new LinkedHashMap<>();
        values.forEach(v -> totals.put((String) v.get("unitCode"), ((Number) v.get(side)).longValue()));
        return totals;
    }

    private static void create(Unit unit, int expected) {
        String parent = unit.parent == null ? "" : ",\"parentCode\":\"" + unit.parent.code + "\"";
        Api.badRequestAs("admin").contentType("application/json")
                .body("{\"code\":\"" + unit.code + "\",\"level\":\"" + unit.level + "\",\"name\":\"" + unit.code + "\",\"kind\":\"Test\""
                        + parent + ",\"validFrom\":\"" + unit.from + "\"}")
                .post(UNITS).then().statusCode(expected);
    }

    private static void retire(Unit unit, LocalDate lastDay, Unit successor, int expected, long seed) {
        Response response = Api.badRequestAs("admin").contentType("application/json").header("If-Match", "*")
                .body("{\"validTo\":\"" + lastDay + "\",\"successorCode\":\"" + successor.code + "\"}")
                .post(UNITS + "/" + unit.code + "/retirement");
        assertThat(response.statusCode()).as("seed " + seed + ": retiring " + unit.code + " on " + lastDay + " into "
                + successor.code + ": " + response.asString()).isEqualTo(expected);
    }

    /** The records, written straight into the tables: the indicators read them from there whoever wrote them. */
    private void store(List<Child> children, List<Activity> activities) throws SQLException {
        String path = "(select p.path from admin_unit_period p join admin_unit u on u.id = p.unit_id where u.code = ?"
                + " order by p.valid_from desc nulls last limit 1)";
        try (Connection connection = database.getConnection();
             PreparedStatement child = connection.prepareStatement("""
                     insert into child (id, full_name, search_name, sort_name, date_of_birth, sex, village_code, unit_path,
                                        created_at, created_by, updated_at)
                     values (gen_random_uuid(), 'Test', 'test', 'test', ?, 'FEMALE', ?, %s, now(), 'test', now())""".formatted(path));
             PreparedStatement activity = connection.prepareStatement("""
                     insert into awareness_activity (id, unit_code, unit_path, held_on, channel, topics, title, organiser,
                                                     created_at, created_by)
                     values (gen_random_uuid(), ?, %s, ?, 'OTHER', '{OTHER}', 'Test', 'Test', now(), 'test')""".formatted(path))) {
            for (Child c : children) {
                child.setObject(1, c.born());
                child.setString(2, c.village().code);
                child.setString(3, c.village().code);
                child.addBatch();
            }
            child.executeBatch();
            for (Activity a : activities) {
                activity.setString(1, a.unit().code);
                activity.setString(2, a.unit().code);
                activity.setObject(3, a.heldOn());
                activity.addBatch();
            }
            activity.executeBatch();
        }
    }

    private static LocalDate day(Random random) {
        return FIRST.plusDays(random.nextLong(ChronoUnit.DAYS.between(FIRST, LAST) + 1));
    }

    private static Unit pick(Random random, List<Unit> units, Predicate<Unit> which) {
        List<Unit> candidates = units.stream().filter(which).toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
