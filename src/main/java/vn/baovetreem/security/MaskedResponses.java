package vn.baovetreem.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Masks the identifier and address fields ({@link IdentifierMasking}) of every successful JSON
 * response to a caller who sees them masked, whatever resource carries them: masking is a rule of
 * the field, not of one view, so a household's address or an audit state's phone number is masked
 * exactly as a child's.
 */
public class MaskedResponses {

    private final CurrentUser currentUser;
    private final ObjectMapper mapper;

    MaskedResponses(CurrentUser currentUser, ObjectMapper mapper) {
        this.currentUser = currentUser;
        // The tree keeps numbers as they were written: 60 stays 60, not 60.0 or 6E+1.
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    @ServerResponseFilter
    public void mask(ContainerResponseContext response) throws JsonProcessingException {
        Object entity = response.getEntity();
        if (entity == null || response.getStatus() >= 300 || !json(response.getMediaType(), entity)
                || !IdentifierMasking.appliesTo(currentUser.get())) {
            return;
        }
        // A replayed response (Idempotency-Key) is the stored JSON text.
        JsonNode tree = entity instanceof String json ? mapper.readTree(json) : mapper.valueToTree(entity);
        IdentifierMasking.maskTree(tree);
        response.setEntity(tree);
    }

    /**
     * Whether the entity is a JSON document to mask: an object, or JSON text. Bodies written as
     * bytes or streams (exports, workbooks, files) are built from counts and codes, never from the
     * personal fields.
     */
    private static boolean json(MediaType type, Object entity) {
        if (entity instanceof byte[] || entity instanceof java.io.InputStream || entity instanceof jakarta.ws.rs.core.StreamingOutput
                || entity instanceof java.io.File || entity instanceof java.nio.file.Path) {
            return false;
        }
        return type != null ? MediaType.APPLICATION_JSON_TYPE.isCompatible(type) : !(entity instanceof CharSequence);
    }
}
