package vn.baovetreem.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import vn.baovetreem.calendar.WorkingCalendar.Day;
import vn.baovetreem.calendar.WorkingCalendar.Kind;
import vn.baovetreem.common.persistence.RecordLocks;
import vn.baovetreem.common.persistence.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calendars as stored: a year's exceptions in {@code calendar_day} and the year's version in
 * {@code calendar_year}. The only place that speaks SQL for calendars ({@code CalendarRepositoryTest}).
 */
@ApplicationScoped
class CalendarRepository {

    private final EntityManager em;

    CalendarRepository(EntityManager em) {
        this.em = em;
    }

    /** Takes the lock of {@code year}'s calendar until the transaction ends: its changes come one after another. */
    void lock(int year) {
        RecordLocks.lock(em, "calendar", String.valueOf(year));
    }

    /**
     * The exceptions from {@code from} to {@code to}, both included. No entity maps the calendar's
     * tables (they are written only here, by SQL): nothing of the session needs flushing first.
     */
    Map<LocalDate, Kind> exceptions(LocalDate from, LocalDate to) {
        Map<LocalDate, Kind> days = new HashMap<>();
        Row.all(em.createNativeQuery("select day, kind from calendar_day where day between ?1 and ?2", Tuple.class)
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter(1, from).setParameter(2, to))
                .forEach(r -> days.put(r.date("day"), r.enumValue("kind", Kind.class)));
        return days;
    }

    /** The exceptions of {@code year}, by date. */
    List<Day> days(int year) {
        return Row.all(em.createNativeQuery(
                        "select day, kind, name, confirmed from calendar_day where extract(year from day) = ?1 order by day", Tuple.class)
                        .setParameter(1, year))
                .stream().map(r -> new Day(r.date("day"), r.enumValue("kind", Kind.class), r.text("name"), r.bool("confirmed"))).toList();
    }

    /** The version of {@code year}'s calendar, if there is one. */
    Optional<Long> version(int year) {
        return Row.all(em.createNativeQuery("select version from calendar_year where year = ?1", Tuple.class).setParameter(1, year))
                .stream().findFirst().map(r -> r.bigint("version"));
    }

    /**
     * Replaces the exceptions of {@code year} with {@code days} as given, and creates the year at
     * version 0 or moves its version by one, recording when and by whom.
     */
    void replace(int year, List<Day> days, Instant at, String by) {
        em.createNativeQuery("delete from calendar_day where extract(year from day) = ?1").setParameter(1, year).executeUpdate();
        for (Day day : days) {
            em.createNativeQuery("insert into calendar_day (day, kind, name, confirmed) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, day.date()).setParameter(2, day.kind().name()).setParameter(3, day.name())
                    .setParameter(4, day.confirmed())
                    .executeUpdate();
        }
        em.createNativeQuery("""
                        insert into calendar_year (year, version, updated_at, updated_by) values (?1, 0, ?2, ?3)
                        on conflict (year) do update set version = calendar_year.version + 1, updated_at = ?2, updated_by = ?3""")
                .setParameter(1, year).setParameter(2, at.atOffset(ZoneOffset.UTC)).setParameter(3, by)
                .executeUpdate();
    }
}
