package vn.baovetreem.children;

import jakarta.enterprise.context.ApplicationScoped;
import vn.baovetreem.areas.UnitDirectory;
import vn.baovetreem.codelists.CodeList;
import vn.baovetreem.codelists.CodeListCatalog;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.error.Violations;
import vn.baovetreem.common.text.Texts;
import vn.baovetreem.security.Scope;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a child record must satisfy beyond its shape: identifiers, ages, codes and the village.
 * All problems are reported at once, each naming its field.
 */
@ApplicationScoped
class ChildRules {

    /** "Child" means under 16; new registrations above that need a continuing-support reason. */
    static final int CHILD_AGE_LIMIT = 16;
    /** Support continues at most to 22; older records are not kept. */
    static final int OLDEST_KEPT_AGE = 22;

    private static final Pattern HEALTH_INSURANCE_CARD = Pattern.compile("[A-Z]{2}\\d{13}|\\d{10}");

    private final CodeListCatalog codes;
    private final UnitDirectory units;
    private final Set<String> provincePrefixes;

    ChildRules(CodeListCatalog codes, UnitDirectory units) {
        this.codes = codes;
        this.units = units;
        this.provincePrefixes = codes.find("personal-id-provinces").map(CodeList::entries).orElseThrow().stream()
                .map(CodeList.Entry::officialCode).collect(Collectors.toUnmodifiableSet());
    }

    /** Details cleaned for storage, with the path of their village. */
    record Checked(ChildDetails details, String unitPath) {
    }

    /**
     * Checks and cleans {@code d}. {@code registering} applies the under-16 rule of new
     * registrations; {@code scope} is where the caller may place a child.
     */
    Checked check(ChildDetails d, boolean registering, LocalDate today, Scope scope) {
        return check(d, registering, today, scope, code -> units.villageInForce(code, today));
    }

    /** Adds a problem for each coded field of {@code d} that holds no code of its list. */
    private void checkCodes(ChildDetails d, Violations problems) {
        codes.checkCode(problems, "sex", "sexes", d.sex());
        codes.checkCode(problems, "ethnicity", "ethnic-groups", d.ethnicity());
        codes.checkCode(problems, "povertyStatus", "poverty-status", d.povertyStatus());
        codes.checkCode(problems, "schoolStatus", "school-status", d.schoolStatus());
        codes.checkCode(problems, "disabilityLevel", "disability-levels", d.disabilityLevel());
        codes.checkCode(problems, "parentsStatus", "parents-status", d.parentsStatus());
    }

    /** The same, finding villages through {@code villages} (a bulk import looks each one up once). */
    Checked check(ChildDetails d, boolean registering, LocalDate today, Scope scope,
                  Function<String, Optional<UnitDirectory.UnitSummary>> villages) {
        Violations problems = new Violations();
        Checked checked = check(d, registering, today, scope, villages, problems);
        problems.failIfAny("The child record has invalid values.");
        return checked;
    }

    /**
     * Every problem the rules find with {@code d}, which may have failed Bean Validation (a row of
     * an import): a rule whose fields are missing is passed over, so that a missing name does not
     * hide a personal ID that does not match the date of birth.
     */
    List<Violation> problems(ChildDetails d, boolean registering, LocalDate today, Scope scope,
                             Function<String, Optional<UnitDirectory.UnitSummary>> villages) {
        Violations problems = new Violations();
        check(d, registering, today, scope, villages, problems);
        return problems;
    }

    private Checked check(ChildDetails d, boolean registering, LocalDate today, Scope scope,
                          Function<String, Optional<UnitDirectory.UnitSummary>> villages, Violations problems) {
        String fullName = Texts.clean(d.fullName());
        String reason = blankToNull(d.continuingSupportReason());
        LocalDate born = d.dateOfBirth();
        if (born == null) {
            // Bean Validation reports it.
        } else if (born.isAfter(today)) {
            problems.add("dateOfBirth", "must not be in the future");
        } else {
            int age = Child.age(born, today);
            if (age > OLDEST_KEPT_AGE) {
                problems.add("dateOfBirth", "the person is " + age + " years old; records are kept up to age "
                        + OLDEST_KEPT_AGE);
            } else if (registering && age >= CHILD_AGE_LIMIT && reason == null) {
                problems.add("continuingSupportReason", "is required to register someone aged " + age
                        + " (16 or over) for continuing support");
            }
        }
        if (d.birthRegisteredOn() != null && born != null && (d.birthRegisteredOn().isBefore(born) || d.birthRegisteredOn().isAfter(today))) {
            problems.add("birthRegisteredOn", "must be between the date of birth and today");
        }
        checkCodes(d, problems);

        String personalId = blankToNull(d.personalId());
        if (personalId != null) {
            IdentityRules.checkPersonalId("personalId", personalId, d.sex(), born, provincePrefixes).ifPresent(problems::add);
        }
        String card = blankToNull(d.healthInsuranceCard());
        if (card != null) {
            card = card.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!HEALTH_INSURANCE_CARD.matcher(card).matches()) {
                problems.add("healthInsuranceCard",
                        "must be a 15-character card number (2 letters and 13 digits) or a 10-digit social-insurance number");
            }
        }
        List<Caregiver> caregivers = new ArrayList<>();
        List<Caregiver> given = d.caregivers() == null ? List.of() : d.caregivers();
        for (int i = 0; i < given.size(); i++) {
            Caregiver c = given.get(i);
            codes.checkCode(problems, "caregivers[" + i + "].relationship", "caregiver-relationships", c.relationship());
            String phone = blankToNull(c.phone());
            if (phone != null) {
                Optional<String> normalized = IdentityRules.normalizePhone(phone);
                if (normalized.isEmpty()) {
                    problems.add("caregivers[" + i + "].phone",
                            "must be a Vietnamese mobile (10 digits, such as 0912345678) or landline (11 digits beginning 02) number");
                }
                phone = normalized.orElse(null);
            }
            caregivers.add(new Caregiver(Texts.clean(c.name()), c.relationship(), phone));
        }
        String unitPath = village(problems, d.villageCode(), scope, villages);
        if (!problems.isEmpty()) {
            return null;
        }
        ChildDetails clean = new ChildDetails(personalId, fullName, born, Boolean.TRUE.equals(d.birthDateEstimated()),
                d.sex(), d.ethnicity(), d.villageCode(), blankToNull(d.address()), d.povertyStatus(), d.birthRegisteredOn(),
                card, d.schoolStatus(), d.disabilityLevel(), d.parentsStatus(), List.copyOf(caregivers), reason,
                blankToNull(d.externalRef()), blankToNull(d.note()));
        return new Checked(clean, unitPath);
    }

    private static String village(Violations problems, String code, Scope scope,
                                  Function<String, Optional<UnitDirectory.UnitSummary>> villages) {
        Optional<UnitDirectory.UnitSummary> village = (code == null ? Optional.<UnitDirectory.UnitSummary>empty() : villages.apply(code))
                .filter(u -> scope.contains(u.path()));
        if (village.isEmpty()) {
            problems.add("villageCode", "must be the code of a village in force today in your area");
            return null;
        }
        return village.get().path();
    }


    private static String blankToNull(String text) {
        String clean = Texts.clean(text);
        return clean == null || clean.isEmpty() ? null : clean;
    }
}
