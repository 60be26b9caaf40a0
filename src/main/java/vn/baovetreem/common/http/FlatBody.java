package vn.baovetreem.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.lang.reflect.RecordComponent;

/**
 * A flat JSON request body read as two records side by side (such as the child a case is about
 * and the report's fields): {@link #take} removes one part's fields, and the rest is read as the
 * other part, so a field of neither still answers 400 {@code UNKNOWN_FIELD}.
 */
public final class FlatBody {

    private final ObjectMapper mapper;
    private final ObjectNode rest;

    private FlatBody(ObjectMapper mapper, ObjectNode rest) {
        this.mapper = mapper;
        this.rest = rest;
    }

    public static FlatBody of(ObjectMapper mapper, ObjectNode body) {
        if (body == null) {
            throw new ApiException.BadRequest(ProblemCode.VALIDATION_FAILED, "The request needs a JSON object as body.");
        }
        return new FlatBody(mapper, body.deepCopy());
    }

    /** Removes the fields of {@code part} from the body and reads them as that record. */
    public <T extends Record> T take(Class<T> part) throws JsonProcessingException {
        ObjectNode fields = mapper.createObjectNode();
        for (RecordComponent component : part.getRecordComponents()) {
            if (rest.has(component.getName())) {
                fields.set(component.getName(), rest.remove(component.getName()));
            }
        }
        return mapper.treeToValue(fields, part);
    }

    /** The remaining fields read as {@code type}. */
    public <T> T rest(Class<T> type) throws JsonProcessingException {
        return mapper.treeToValue(rest, type);
    }
}
