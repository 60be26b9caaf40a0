package vn.baovetreem.children;

import vn.baovetreem.common.error.Violation;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of the identifiers people type in: the 12-digit personal identification number
 * ({@code PPP G YY RRRRRR}, Decree 137/2015 Art. 13) and Vietnamese phone numbers.
 */
public final class IdentityRules {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s.()-]");

    private IdentityRules() {
    }

    /**
     * Problems with {@code personalId} for a child of {@code sex} born on {@code birthDate};
     * empty when it is consistent. {@code provinces} are the valid 3-digit prefixes.
     */
    static Optional<Violation> checkPersonalId(String field, String personalId, String sex, LocalDate birthDate,
                                               Set<String> provinces) {
        if (!TWELVE_DIGITS.matcher(personalId).matches()) {
            return problem(field, "must be exactly 12 digits");
        }
        if (!provinces.contains(personalId.substring(0, 3))) {
            return problem(field, "begins with '" + personalId.substring(0, 3) + "', which is not a province code of birth registration");
        }
        int genderDigit = personalId.charAt(3) - '0';
        if (birthDate != null) {
            int century = birthDate.getYear() / 100 - 19;
            if (century < 0 || century > 4 || genderDigit / 2 != century) {
                return problem(field, "its 4th digit (" + genderDigit + ") does not match a birth in " + birthDate.getYear());
            }
            int year = Integer.parseInt(personalId.substring(4, 6));
            if (year != birthDate.getYear() % 100) {
                return problem(field, "its 5th and 6th digits (" + personalId.substring(4, 6)
                        + ") must be the last two digits of the birth year " + birthDate.getYear());
            }
        }
        if ("MALE".equals(sex) && genderDigit % 2 != 0 || "FEMALE".equals(sex) && genderDigit % 2 != 1) {
            return problem(field, "its 4th digit (" + genderDigit + ") is for a " + (genderDigit % 2 == 0 ? "boy" : "girl")
                    + ", but the child's sex is " + sex);
        }
        return Optional.empty();
    }

    /**
     * The phone number as stored ({@code 0} and digits), or empty when it is not a Vietnamese mobile
     * (10 digits) or landline (11 digits beginning 02) number. Spaces, dots, dashes and a leading
     * {@code +84} or {@code 84} are accepted.
     */
    public static Optional<String> normalizePhone(String phone) {
        String digits = PHONE_PUNCTUATION.matcher(phone).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    private static Optional<Violation> problem(String field, String message) {
        return Optional.of(new Violation(field, "personal identification number " + message));
    }
}
