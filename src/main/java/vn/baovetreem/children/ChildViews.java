package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.security.IdentifierMasking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The representations of children (schemas {@code Child} and {@code ChildSummary}). */
@ApplicationScoped
public class ChildViews {

    private final UnitDirectory units;
    private final EpisodeRepository episodes;

    ChildViews(UnitDirectory units, EpisodeRepository episodes) {
        this.units = units;
        this.episodes = episodes;
    }

    /** A unit named in a child record. */
    public record UnitRef(String code, String name) {
    }

    /** A record that may be a duplicate of the one just created. */
    public record PossibleDuplicate(UUID id, String fullName, LocalDate dateOfBirth, UnitRef village, DuplicateReason reason) {
    }

    /** The full record. {@code masked} tells that identifiers are masked for the caller. */
    public record ChildView(UUID id, String personalId, String fullName, LocalDate dateOfBirth, boolean birthDateEstimated,
                            int age, String sex, String ethnicity, UnitRef village, String address, String povertyStatus,
                            LocalDate birthRegisteredOn, String healthInsuranceCard, String schoolStatus,
                            String disabilityLevel, String parentsStatus, List<Caregiver> caregivers,
                            String continuingSupportReason, String externalRef, String note, ChildStatus status,
                            LocalDate statusDate, String statusNote, UnitRef movedTo, UUID mergedIntoId, Instant anonymisedAt,
                            List<String> activeCircumstanceGroups, List<String> activeRiskCategories, boolean masked,
                            Instant createdAt, String createdBy, Instant updatedAt,
                            List<PossibleDuplicate> possibleDuplicates) {

        ChildView withPossibleDuplicates(List<PossibleDuplicate> duplicates) {
            return new ChildView(id, personalId, fullName, dateOfBirth, birthDateEstimated, age, sex, ethnicity, village,
                    address, povertyStatus, birthRegisteredOn, healthInsuranceCard, schoolStatus, disabilityLevel,
                    parentsStatus, caregivers, continuingSupportReason, externalRef, note, status, statusDate, statusNote,
                    movedTo, mergedIntoId, anonymisedAt, activeCircumstanceGroups, activeRiskCategories, masked, createdAt, createdBy,
                    updatedAt, duplicates.isEmpty() ? null : duplicates);
        }
    }

    /** A line of a list: what an officer needs to recognise the child, without address or caregivers. */
    public record ChildSummary(UUID id, String personalId, String fullName, LocalDate dateOfBirth, boolean birthDateEstimated,
                               int age, String sex, String ethnicity, UnitRef village, String povertyStatus,
                               String disabilityLevel, ChildStatus status, UUID mergedIntoId,
                               List<String> activeCircumstanceGroups, List<String> activeRiskCategories, Instant updatedAt) {
    }

    ChildView full(Child c, LocalDate today, boolean masked) {
        return full(c, today, masked, episodes.activeOn(List.of(c.id()), today));
    }

    /** The same, with its active episodes already at hand (a read of the child). */
    ChildView full(Child c, LocalDate today, boolean masked, EpisodeRepository.ActiveEpisodes active) {
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(
                c.movedToUnitCode() == null ? List.of(c.villageCode()) : List.of(c.villageCode(), c.movedToUnitCode()));
        return full(c, today, masked, named, active);
    }

    /** The same, with the units it names too (a bulk import, the change feed). */
    ChildView full(Child c, LocalDate today, boolean masked, Map<String, UnitDirectory.UnitSummary> named,
                   EpisodeRepository.ActiveEpisodes active) {
        List<Caregiver> caregivers = masked
                ? c.caregivers().stream().map(g -> new Caregiver(g.name(), g.relationship(), IdentifierMasking.identifier(g.phone()))).toList()
                : c.caregivers();
        return new ChildView(c.id(), masked ? IdentifierMasking.identifier(c.personalId()) : c.personalId(), c.fullName(),
                c.dateOfBirth(), c.birthDateEstimated(), c.ageOn(today), c.sex(), c.ethnicity(), ref(named, c.villageCode()),
                masked ? IdentifierMasking.address(c.address()) : c.address(), c.povertyStatus(), c.birthRegisteredOn(),
                masked ? IdentifierMasking.identifier(c.healthInsuranceCard()) : c.healthInsuranceCard(), c.schoolStatus(),
                c.disabilityLevel(), c.parentsStatus(), caregivers, c.continuingSupportReason(), c.externalRef(), c.note(),
                c.status(), c.statusDate(), c.statusNote(), ref(named, c.movedToUnitCode()), c.mergedIntoId(),
                c.anonymisedAt(), active.groups(c.id()), active.risks(c.id()), masked, c.createdAt(), c.createdBy(), c.updatedAt(), null);
    }

    /** Summaries of a page of children with a constant number of queries. */
    List<ChildSummary> summaries(List<Child> page, LocalDate today, boolean masked) {
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(page.stream().map(Child::villageCode).toList());
        EpisodeRepository.ActiveEpisodes active = episodes.activeOn(page.stream().map(Child::id).toList(), today);
        return page.stream().map(c -> new ChildSummary(c.id(),
                masked ? IdentifierMasking.identifier(c.personalId()) : c.personalId(), c.fullName(), c.dateOfBirth(),
                c.birthDateEstimated(), c.ageOn(today), c.sex(), c.ethnicity(), ref(named, c.villageCode()), c.povertyStatus(),
                c.disabilityLevel(), c.status(), c.mergedIntoId(), active.groups(c.id()), active.risks(c.id()), c.updatedAt()))
                .toList();
    }

    List<PossibleDuplicate> possibleDuplicates(Collection<ChildRepository.Candidate> candidates, Map<UUID, Child> records) {
        Map<String, UnitDirectory.UnitSummary> named = units.findAll(records.values().stream().map(Child::villageCode).toList());
        return candidates.stream().map(k -> {
            Child c = records.get(k.id());
            return new PossibleDuplicate(c.id(), c.fullName(), c.dateOfBirth(), ref(named, c.villageCode()), k.reason());
        }).collect(Collectors.toList());
    }

    private static UnitRef ref(Map<String, UnitDirectory.UnitSummary> named, String code) {
        if (code == null) {
            return null;
        }
        UnitDirectory.UnitSummary unit = named.get(code);
        return new UnitRef(code, unit == null ? null : unit.name());
    }
}
