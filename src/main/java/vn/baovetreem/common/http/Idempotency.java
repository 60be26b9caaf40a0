package vn.baovetreem.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.error.ProblemCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for creates. The key is claimed in PostgreSQL in the same transaction as
 * the create, so a retry (from any instance) either waits for the first attempt and replays its
 * response, or, when the first attempt failed, runs again. The same key with another body is
 * refused. A key is bound to the caller, the method, the full path with its query and the body:
 * the same key sent to another resource is a different request (422), never a replay of the first.
 * Keys expire after the configured time.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** What a key may be: 1 to 255 visible ASCII characters. */
    public static final String KEY_PATTERN = "[\\x21-\\x7E]{1,255}";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);

    private final IdempotencyRecords records;
    private final ObjectMapper canonical;
    private final ObjectMapper mapper;
    private final HttpConfig config;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    Idempotency(IdempotencyRecords records, ObjectMapper mapper, HttpConfig config, SecurityIdentity identity, CurrentVertxRequest request) {
        this.records = records;
        this.request = request;
        this.identity = identity;
        this.mapper = mapper;
        this.config = config;
        this.canonical = JsonMapper.builder()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .findAndAddModules()
                .build();
    }

    /**
     * Runs {@code create} once per (caller, key): keys of different callers never meet. Without a
     * key it simply runs it.
     *
     * @param body the request body as received; with the method and the path, the request's fingerprint
     */
    @Transactional
    public Response once(String key, Object body, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        String caller = identity.getPrincipal().getName();
        if (!KEY.matcher(key).matches()) {
            throw ApiException.BadRequest.field(ProblemCode.INVALID_IDEMPOTENCY_KEY, HEADER,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        HttpServerRequest http = request.getCurrent().request();
        String fingerprint = fingerprint(http.method().name() + ' ' + http.uri(), body);
        records.expire(caller, config.idempotencyKeyTtl());
        if (!records.claim(caller, key, fingerprint)) {
            return replay(caller, key, fingerprint);
        }
        Response response = create.get();
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            records.complete(caller, key, response.getStatus(), serialize(response.getEntity()),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG));
        }
        return response;
    }

    private Response replay(String caller, String key, String fingerprint) {
        IdempotencyRecords.Claim claim = records.find(caller, key).orElseThrow();
        if (!fingerprint.equals(claim.fingerprint())) {
            throw new ApiException.Unprocessable(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request; use a new key.");
        }
        if (claim.status() == null) {
            throw new ApiException.Conflict(ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        Response.ResponseBuilder replay = Response.status(claim.status())
                .header(REPLAYED_HEADER, "true");
        if (claim.body() != null) {
            replay.entity(claim.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (claim.location() != null) {
            replay.header(HttpHeaders.LOCATION, claim.location());
        }
        if (claim.etag() != null) {
            replay.header(HttpHeaders.ETAG, claim.etag());
        }
        return replay.build();
    }

    private String fingerprint(String target, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(canonical.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String serialize(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response for replay", e);
        }
    }
}
