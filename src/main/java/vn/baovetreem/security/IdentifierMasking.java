package vn.baovetreem.security;

import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * "Identifiers masked" of the permission table: supervisors (the district role) see names but not
 * the personal identification number, health-insurance card, phone numbers or street address.
 * <p>
 * This class is the one declaration of those fields, by name: whatever resource carries a field of
 * that name (a child, a caregiver, a household, an audit state) is masked the same way, because
 * {@link MaskedResponses} applies {@link #maskTree} to every JSON response such a caller gets. The
 * contract marks the same properties with {@code x-personal-data} ({@link #IDENTIFIERS} as
 * {@code identifier}, {@link #ADDRESS} as {@code address}); a test holds the two together. A
 * caller who sees a field masked may not filter by it either ({@link #requireVisible}).
 */
public final class IdentifierMasking {

    private static final Set<Role> SEE_IDENTIFIERS = Set.of(Role.VILLAGE, Role.COMMUNE, Role.ADMIN);
    /** Fields shown as their last two characters. */
    public static final Set<String> IDENTIFIERS = Set.of("personalId", "healthInsuranceCard", "phone");
    /** The field shown as {@code ***}. */
    public static final String ADDRESS = "address";
    private static final String MASKED_ADDRESS = "***";

    private IdentifierMasking() {
    }

    /** Whether {@code user} sees identifiers masked: a district role and no role that sees them. */
    public static boolean appliesTo(CurrentUser.Resolved user) {
        return user.roles().contains(Role.DISTRICT) && user.roles().stream().noneMatch(SEE_IDENTIFIERS::contains);
    }

    /**
     * Refuses a filter on a field {@code user} sees masked: otherwise a guessed number could be
     * confirmed one query at a time although no answer shows it.
     */
    public static void requireVisible(CurrentUser.Resolved user, String parameter, Object value) {
        if (value != null && appliesTo(user)) {
            throw new ApiException.Forbidden(ProblemCode.FILTER_NOT_ALLOWED,
                    "Your role sees " + parameter + " masked, so it cannot filter by it.");
        }
    }

    /** An identifier with all but its last two characters replaced by {@code *}. */
    public static String identifier(String value) {
        if (value == null) {
            return null;
        }
        int keep = value.length() > 6 ? 2 : 0;
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    public static String address(String value) {
        return value == null ? null : MASKED_ADDRESS;
    }

    /** Masks, in place and at any depth, the identifier and address fields of a JSON state. */
    public static void maskTree(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual() && IDENTIFIERS.contains(field.getKey())) {
                    object.put(field.getKey(), identifier(value.textValue()));
                } else if (value.isTextual() && ADDRESS.equals(field.getKey())) {
                    object.put(field.getKey(), MASKED_ADDRESS);
                } else {
                    maskTree(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(IdentifierMasking::maskTree);
        }
    }
}
