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
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.baovetreem.common.error.ApiException;
import vn.baovetreem.common.persistence.Row;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final EntityManager em;
    private final ObjectMapper canonical;
    private final ObjectMapper mapper;
    private final HttpConfig config;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    Idempotency(EntityManager em, ObjectMapper mapper, HttpConfig config, SecurityIdentity identity, CurrentVertxRequest request) {
        this.em = em;
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
            throw ApiException.BadRequest.field("INVALID_IDEMPOTENCY_KEY", HEADER,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters.");
        }
        HttpServerRequest http = request.getCurrent().request();
        String fingerprint = fingerprint(http.method().name() + ' ' + http.uri(), body);
        em.createNativeQuery("delete from idempotency_record where caller = ?1 and created_at < now() - make_interval(secs => ?2)")
                .setParameter(1, caller)
                .setParameter(2, config.idempotencyKeyTtl().toSeconds())
                .executeUpdate();
        int claimed = em.createNativeQuery("""
                        insert into idempotency_record (caller, idem_key, fingerprint, created_at)
                        values (?1, ?2, ?3, now()) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, fingerprint)
                .executeUpdate();
        if (claimed == 0) {
            return replay(caller, key, fingerprint);
        }
        Response response = create.get();
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            em.createNativeQuery("""
                            update idempotency_record set status = ?3, body = ?4, location = ?5, etag = ?6
                            where caller = ?1 and idem_key = ?2""")
                    .setParameter(1, caller).setParameter(2, key)
                    .setParameter(3, response.getStatus())
                    .setParameter(4, serialize(response.getEntity()))
                    .setParameter(5, response.getHeaderString(HttpHeaders.LOCATION))
                    .setParameter(6, response.getHeaderString(HttpHeaders.ETAG))
                    .executeUpdate();
        }
        return response;
    }

    private Response replay(String caller, String key, String fingerprint) {
        Row row = Row.all(em.createNativeQuery("""
                        select fingerprint, status, body, location, etag from idempotency_record
                        where caller = ?1 and idem_key = ?2""", Tuple.class)
                .setParameter(1, caller).setParameter(2, key)).getFirst();
        if (!fingerprint.equals(row.text("fingerprint"))) {
            throw new ApiException.Unprocessable("IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used with a different request; use a new key.");
        }
        if (row.maybeInteger("status") == null) {
            throw new ApiException.Conflict("IDEMPOTENCY_KEY_IN_USE",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        Response.ResponseBuilder replay = Response.status(row.integer("status"))
                .header(REPLAYED_HEADER, "true");
        if (row.text("body") != null) {
            replay.entity(row.text("body")).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (row.text("location") != null) {
            replay.header(HttpHeaders.LOCATION, row.text("location"));
        }
        if (row.text("etag") != null) {
            replay.header(HttpHeaders.ETAG, row.text("etag"));
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
