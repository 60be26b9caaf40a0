package vn.baovetreem.cases;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import vn.baovetreem.testing.Contract;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request of a case's step, one record per action, read and validated as the service does,
 * without starting it: every action has its record, a field of another action is refused, each
 * record requires what its action needs, and the contract's discriminator names each action's schema.
 */
class CaseStepTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Validator validator = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void everyActionHasExactlyOneRecordNamedAfterIt() throws Exception {
        Set<CaseAction> named = EnumSet.noneOf(CaseAction.class);
        for (JsonSubTypes.Type type : CaseStep.class.getAnnotation(JsonSubTypes.class).value()) {
            CaseAction action = CaseAction.valueOf(type.name());
            assertThat(named.add(action)).as("%s named once", action).isTrue();
            RecordComponent[] components = type.value().getRecordComponents();
            Object[] nothing = new Object[components.length];
            CaseStep empty = (CaseStep) type.value().getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(nothing);
            assertThat(empty.action()).isEqualTo(action);
        }
        assertThat(named).containsExactlyInAnyOrder(CaseAction.values());
        assertThat(CaseStep.class.getPermittedSubclasses()).hasSize(CaseAction.values().length);
    }

    @Test
    void aStepIsReadAsTheRecordOfItsAction() throws Exception {
        CaseStep step = json.readValue("""
                {"action": "TRANSFER", "toCommuneCode": "06271", "reason": "Gia đình chuyển đi", "occurredAt": "2025-09-01T02:00:00Z"}""",
                CaseStep.class);
        assertThat(step).isInstanceOf(CaseStep.Transfer.class);
        assertThat(((CaseStep.Transfer) step).toCommuneCode()).isEqualTo("06271");
        assertThat(step.occurredAt()).hasToString("2025-09-01T02:00:00Z");
    }

    @Test
    void aFieldOfAnotherActionOrAnUnknownActionIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"action\": \"ASSIGN\", \"officer\": \"a\", \"reason\": \"b\"}", CaseStep.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("\"reason\"");
        assertThatThrownBy(() -> json.readValue("{\"action\": \"ASSESS\"}", CaseStep.class)).isInstanceOf(InvalidTypeIdException.class);
        assertThatThrownBy(() -> json.readValue("{\"officer\": \"a\"}", CaseStep.class)).isInstanceOf(InvalidTypeIdException.class);
    }

    @Test
    void eachRecordRequiresWhatItsActionNeeds() throws Exception {
        assertThat(problems("{\"action\": \"ASSESS_INITIAL\"}")).containsOnlyKeys("riskLevel", "emergency");
        assertThat(problems("{\"action\": \"ASSESS_INITIAL\", \"riskLevel\": \"HIGH\", \"emergency\": false}")).isEmpty();
        assertThat(problems("{\"action\": \"RETURN_ESCALATION\", \"note\": \" \"}")).containsOnlyKeys("note");
        assertThat(problems("{\"action\": \"HOLD_CONFERENCE\", \"participants\": [], \"decisions\": \"x\"}")).containsOnlyKeys("participants");
        assertThat(problems("{\"action\": \"SEPARATE\", \"separation\": {\"startsOn\": \"2025-09-01\"}}")).containsOnlyKeys("separation.endsOn");
        assertThat(problems("{\"action\": \"TRANSFER\", \"toCommuneCode\": \"06271\"}")).containsOnlyKeys("reason");
        assertThat(problems("{\"action\": \"START_IMPLEMENTATION\"}")).isEmpty();
    }

    @Test
    void theContractTellsTheStepsApartByActionAsTheReaderDoes() {
        JsonNode transition = Contract.schema("CaseTransition");
        Map<String, String> branches = new TreeMap<>();
        transition.get("oneOf").forEach(branch -> {
            JsonNode action = Contract.resolve(branch).at("/properties/action/enum");
            assertThat(action).as("%s allows one action", branch).hasSize(1);
            branches.put(action.get(0).asText(), branch.get("$ref").asText());
        });
        Map<String, String> mapping = new TreeMap<>();
        transition.at("/discriminator/mapping").properties().forEach(e -> mapping.put(e.getKey(), e.getValue().asText()));

        assertThat(transition.at("/discriminator/propertyName").asText()).isEqualTo("action");
        assertThat(mapping).isEqualTo(branches);
        assertThat(mapping.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(CaseAction.values()).map(Enum::name).toList());
    }

    /** The fields the step's record refuses, with Bean Validation's message. */
    private Map<String, String> problems(String body) throws Exception {
        return validator.validate(json.readValue(body, CaseStep.class)).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage, (a, b) -> a, TreeMap::new));
    }
}
