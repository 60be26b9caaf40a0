package vn.baovetreem.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract ({@link Api#CONTRACT}) as a tree, for the checks that read it: which operation a request
 * is, what schema its answer has, what its examples say.
 */
public final class Contract {

    public static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private static final JsonNode ROOT;
    private static final String BASE;
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]+}");
    /** Each path template with its pattern, the paths with fewer variables first ({@code /children/duplicates} before {@code /children/{id}}). */
    private static final List<Map.Entry<Pattern, String>> PATHS = new ArrayList<>();

    static {
        try {
            ROOT = new ObjectMapper(new YAMLFactory()).readTree(new File(Api.CONTRACT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BASE = ROOT.at("/servers/0/url").asText("");
        ROOT.get("paths").properties().stream()
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparingLong(path -> TEMPLATE_VARIABLE.matcher(path).results().count()))
                .forEach(path -> PATHS.add(Map.entry(pattern(BASE + path), path)));
    }

    private Contract() {
    }

    /** The path every operation's path is relative to ({@code /api/v1}). */
    public static String base() {
        return BASE;
    }

    /** The path template of the contract that {@code path} (with the base, without a query) matches. */
    public static Optional<String> template(String path) {
        return PATHS.stream().filter(p -> p.getKey().matcher(path).matches()).map(Map.Entry::getValue).findFirst();
    }

    /** The path item of {@code template}, or a missing node. */
    public static JsonNode pathItem(String template) {
        return ROOT.path("paths").path(template);
    }

    /** The operation {@code method} of path template {@code template}, or a missing node. */
    public static JsonNode operation(String method, String template) {
        return ROOT.path("paths").path(template).path(method.toLowerCase());
    }

    /** Every operation of the contract, as {@code "GET /children/{id}"}. */
    public static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        ROOT.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The schema named {@code name} in the contract's components, or a missing node. */
    public static JsonNode schema(String name) {
        return ROOT.path("components").path("schemas").path(name);
    }

    /** {@code node}, or what its {@code $ref} points to, followed to the end. */
    public static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = ROOT.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
            last = variable.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(template.substring(last))).toString());
    }
}
