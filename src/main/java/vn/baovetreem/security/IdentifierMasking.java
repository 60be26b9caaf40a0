package vn.baovetreem.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * "Identifiers masked" of the permission table: supervisors (the district role) see names but not
 * the personal identification number, health-insurance card, phone numbers or street address. The
 * same rule masks those fields inside audit states, so the trail does not reveal them either.
 */
public final class IdentifierMasking {

    private static final Set<Role> SEE_IDENTIFIERS = Set.of(Role.VILLAGE, Role.COMMUNE, Role.ADMIN);
    private static final Set<String> IDENTIFIERS = Set.of("personalId", "healthInsuranceCard", "phone");
    private static final String ADDRESS = "address";
    private static final String MASKED_ADDRESS = "***";

    private IdentifierMasking() {
    }

    /** Whether {@code user} sees identifiers masked: a district role and no role that sees them. */
    public static boolean appliesTo(CurrentUser.Resolved user) {
        return user.roles().contains(Role.DISTRICT) && user.roles().stream().noneMatch(SEE_IDENTIFIERS::contains);
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
