package vn.baovetreem.indicators;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import vn.baovetreem.common.http.Versioned;
import vn.baovetreem.common.persistence.RecordLocks;
import vn.baovetreem.common.persistence.Row;
import vn.baovetreem.indicators.UnitFactService.Facts;
import vn.baovetreem.indicators.UnitFactService.FactsUpdate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The facts of units as stored in {@code unit_fact}: the only place that speaks SQL for them ({@code UnitFactRepositoryTest}). */
@ApplicationScoped
class UnitFactRepository {

    private final EntityManager em;

    UnitFactRepository(EntityManager em) {
        this.em = em;
    }

    /** Takes the lock of a unit's facts for a year until the transaction ends: their changes come one after another. */
    void lock(String unitCode, int year) {
        RecordLocks.lock(em, "unit-facts", unitCode + "/" + year);
    }

    Optional<Versioned<Facts>> find(String unitCode, int year) {
        return Row.all(em.createNativeQuery("""
                        select child_friendly, play_area, play_points, cultural_sports_facility, protection_committee,
                               safe_community, note, updated_at, updated_by, version
                        from unit_fact where unit_code = ?1 and year = ?2""", Tuple.class)
                        .setParameter(1, unitCode).setParameter(2, year))
                .stream().findFirst().map(r -> new Versioned<>(new Facts(unitCode, year, r.maybeBool("child_friendly"),
                        r.maybeBool("play_area"), r.maybeInteger("play_points"), r.maybeBool("cultural_sports_facility"),
                        r.maybeBool("protection_committee"), r.maybeBool("safe_community"), r.text("note"), r.instant("updated_at"),
                        r.text("updated_by")), r.bigint("version")));
    }

    /** Writes {@code facts} as given: a new year's at version 0, a known year's with its version moved by one. */
    void save(String unitCode, int year, FactsUpdate facts, Instant at, String by) {
        em.createNativeQuery("""
                        insert into unit_fact (unit_code, year, child_friendly, play_area, play_points, cultural_sports_facility,
                                               protection_committee, safe_community, note, version, updated_at, updated_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11)
                        on conflict (unit_code, year) do update set child_friendly = ?3, play_area = ?4, play_points = ?5,
                            cultural_sports_facility = ?6, protection_committee = ?7, safe_community = ?8, note = ?9,
                            version = unit_fact.version + 1, updated_at = ?10, updated_by = ?11""")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, facts.childFriendly())
                .setParameter(4, facts.playArea()).setParameter(5, facts.playPoints())
                .setParameter(6, facts.culturalSportsFacility()).setParameter(7, facts.protectionCommittee())
                .setParameter(8, facts.safeCommunity()).setParameter(9, facts.note())
                .setParameter(10, at.atOffset(ZoneOffset.UTC)).setParameter(11, by)
                .executeUpdate();
    }
}
