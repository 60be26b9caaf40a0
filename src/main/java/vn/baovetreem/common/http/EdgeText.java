package vn.baovetreem.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.baovetreem.common.error.Problem;
import vn.baovetreem.common.error.Violation;
import vn.baovetreem.common.text.Texts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.baovetreem.common.error.ProblemCode;

/**
 * Refuses, ahead of any resource, a path segment, query parameter or header whose text the
 * registry cannot store or that is not UTF-8 (a percent-encoded NUL, a broken byte sequence): 400
 * {@code INVALID_PARAMETER} naming the parameter. Resources and queries behind it therefore never
 * meet such text; JSON bodies are checked by {@link StrictJson}, import cells by the import's own
 * row checks, page tokens when they are decoded.
 */
@ApplicationScoped
public class EdgeText {

    void install(@Observes Router router, ObjectMapper mapper) {
        router.route().order(-99).handler(ctx -> {
            Optional<Violation> bad = firstBad(ctx);
            if (bad.isPresent()) {
                RouteProblems.send(ctx, mapper, Problem.of(400, "Bad request", ProblemCode.INVALID_PARAMETER,
                        "A parameter holds text the service cannot read or store.", List.of(bad.get())), false);
                return;
            }
            ctx.next();
        });
    }

    private static Optional<Violation> firstBad(RoutingContext ctx) {
        String rawPath = ctx.request().path();
        for (String segment : rawPath.split("/")) {
            Optional<String> reason = reason(segment, false);
            if (reason.isPresent()) {
                return Optional.of(new Violation("path", "the path " + reason.get()));
            }
        }
        String query = ctx.request().query();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                Optional<String> nameReason = reason(rawName, true);
                if (nameReason.isPresent()) {
                    return Optional.of(new Violation("query", "a parameter name " + nameReason.get()));
                }
                String name = decode(rawName, true).orElse("query");
                Optional<String> valueReason = eq < 0 ? Optional.empty() : reason(pair.substring(eq + 1), true);
                if (valueReason.isPresent()) {
                    return Optional.of(new Violation(name, name + " " + valueReason.get()));
                }
            }
        }
        for (Map.Entry<String, String> header : ctx.request().headers()) {
            if (header.getValue().indexOf('\0') >= 0) {
                return Optional.of(new Violation(header.getKey(), "the header must not contain the NUL character"));
            }
        }
        return Optional.empty();
    }

    /** Why a raw (percent-encoded) part is refused, or empty when it is fine. */
    private static Optional<String> reason(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && raw.indexOf('\0') < 0) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(raw, plusIsSpace);
        if (decoded.isEmpty()) {
            return Optional.of("is not valid percent-encoded UTF-8");
        }
        int at = Texts.firstUnstorable(decoded.get());
        return at < 0 ? Optional.empty() : Optional.of(Texts.unstorableReason(decoded.get(), at));
    }

    /** Percent-decodes {@code raw} as strict UTF-8; empty when it is malformed. */
    private static Optional<String> decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
