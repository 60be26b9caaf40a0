package vn.baovetreem.cases;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.cases.CaseRequests.CaseReport;
import vn.baovetreem.cases.CaseRequests.Reporter;
import vn.baovetreem.children.Child;
import vn.baovetreem.children.IdentityRules;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.text.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * The rules of a report: codes from their lists, the fields each case type carries and no other,
 * times in order. Every problem is collected before anything is refused.
 */
@ApplicationScoped
class CaseRules {

    /** Clocks of phones and servers differ; a receipt this far in the future is still accepted. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CodeListCatalog codes;
    private final UnitDirectory units;
    private final Clock clock;

    CaseRules(CodeListCatalog codes, UnitDirectory units, Clock clock) {
        this.codes = codes;
        this.units = units;
        this.clock = clock;
    }

    /** The report cleaned (texts trimmed, phone normalised), or 400 listing every problem. */
    CaseReport check(CaseType type, CaseReport r, Child child) {
        Violations problems = new Violations();
        codes.checkCode(problems, "sourceChannel", "case-source-channels", r.sourceChannel());
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (r.receivedAt().isAfter(latest)) {
            problems.add("receivedAt", "must not be in the future");
        }
        Instant born = child.dateOfBirth().atStartOfDay(clock.getZone()).toInstant();
        if (r.occurredAt() != null && (r.occurredAt().isAfter(r.receivedAt()) || r.occurredAt().isBefore(born))) {
            problems.add("occurredAt", "must lie between the child's birth and receivedAt");
        }
        if (r.occurredUnitCode() != null && units.find(r.occurredUnitCode()).isEmpty()) {
            problems.add("occurredUnitCode", "must be the code of a known unit");
        }
        checkType(type, r, problems);
        String phone = null;
        Reporter reporter = r.reporter();
        if (reporter != null && reporter.phone() != null) {
            phone = IdentityRules.normalizePhone(reporter.phone()).orElse(null);
            if (phone == null) {
                problems.add("reporter.phone", "must be a Vietnamese mobile or landline number");
            }
        }
        problems.failIfAny("The report has invalid values.");
        Reporter cleanReporter = reporter == null ? null : new Reporter(Texts.clean(reporter.name()),
                Texts.clean(reporter.relationship()), phone, Texts.clean(reporter.address()), reporter.anonymous());
        return new CaseReport(r.sourceChannel(), r.receivedAt(), r.occurredAt(), r.occurredUnitCode(), Texts.clean(r.summary()),
                r.abuseForms() == null ? null : List.copyOf(r.abuseForms()), r.sexualAbuseSubtype(), r.setting(),
                r.perpetratorRelationship(), r.injuryMechanism(), r.injuryOutcome(), r.injuryPlace(), r.riskCategory(), r.handlingOutcome(),
                Boolean.TRUE.equals(r.childInDanger()), cleanReporter);
    }

    private void checkType(CaseType type, CaseReport r, Violations problems) {
        boolean abuse = type == CaseType.ABUSE;
        boolean injury = type == CaseType.INJURY;
        boolean atRisk = type == CaseType.AT_RISK;
        if (abuse) {
            if (r.abuseForms() == null || r.abuseForms().isEmpty()) {
                problems.add("abuseForms", "an abuse report names at least one form");
            } else {
                for (int i = 0; i < r.abuseForms().size(); i++) {
                    codes.checkCode(problems, "abuseForms[" + i + "]", "abuse-forms", r.abuseForms().get(i));
                }
                if (new HashSet<>(r.abuseForms()).size() != r.abuseForms().size()) {
                    problems.add("abuseForms", "lists a form twice");
                }
            }
            boolean sexual = r.abuseForms() != null && r.abuseForms().contains("SEXUAL_ABUSE");
            if (r.sexualAbuseSubtype() != null && !sexual) {
                problems.add("sexualAbuseSubtype", "is given only with the form SEXUAL_ABUSE");
            }
            optionalCode(problems, "sexualAbuseSubtype", "sexual-abuse-subtypes", r.sexualAbuseSubtype());
            optionalCode(problems, "setting", "abuse-settings", r.setting());
            optionalCode(problems, "perpetratorRelationship", "perpetrator-relationships", r.perpetratorRelationship());
            optionalCode(problems, "handlingOutcome", "abuse-handling-outcomes", r.handlingOutcome());
        }
        if (injury) {
            requiredCode(problems, "injuryMechanism", "injury-mechanisms", r.injuryMechanism());
            optionalCode(problems, "injuryOutcome", "injury-outcomes", r.injuryOutcome());
            optionalCode(problems, "injuryPlace", "injury-places", r.injuryPlace());
        }
        if (atRisk) {
            requiredCode(problems, "riskCategory", "risk-categories", r.riskCategory());
        }
        only(problems, abuse, type, "abuseForms", r.abuseForms());
        only(problems, abuse, type, "sexualAbuseSubtype", r.sexualAbuseSubtype());
        only(problems, abuse, type, "setting", r.setting());
        only(problems, abuse, type, "perpetratorRelationship", r.perpetratorRelationship());
        only(problems, abuse, type, "handlingOutcome", r.handlingOutcome());
        only(problems, injury, type, "injuryMechanism", r.injuryMechanism());
        only(problems, injury, type, "injuryOutcome", r.injuryOutcome());
        only(problems, injury, type, "injuryPlace", r.injuryPlace());
        only(problems, atRisk, type, "riskCategory", r.riskCategory());
    }

    /** A code of {@code list} when given. */
    void optionalCode(Violations problems, String field, String list, String value) {
        codes.checkCode(problems, field, list, value);
    }

    /** A code of {@code list} that must be given. */
    void requiredCode(Violations problems, String field, String list, String value) {
        if (value == null) {
            problems.add(field, "is required");
        }
        codes.checkCode(problems, field, list, value);
    }

    private static void only(Violations problems, boolean applies, CaseType type, String field, Object value) {
        if (!applies && value != null) {
            problems.add(field, "does not apply to a case of type " + type);
        }
    }

}
