package vn.baovetreem.codelists;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.baovetreem.common.error.Violation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code lists shipped with the service, loaded once and immutable. A deployment may replace or
 * add lists (the risk categories, which have no official list, are the usual case) with a JSON
 * file of the same shape named by {@code cp.code-lists.override-file}; its version is appended
 * to the catalogue's.
 */
@ApplicationScoped
public class CodeListCatalog {

    static final String RESOURCE = "codelists/code-lists.json";

    private final String version;
    private final Map<String, CodeList> lists = new LinkedHashMap<>();

    @Inject
    CodeListCatalog(ObjectMapper mapper,
                    @ConfigProperty(name = "cp.code-lists.override-file") Optional<Path> overrideFile) {
        Document document = read(mapper, RESOURCE, Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE));
        document.lists().forEach(list -> lists.put(list.name(), list.withSize()));
        String fullVersion = document.version();
        if (overrideFile.isPresent()) {
            Path file = overrideFile.get();
            try {
                Document override = read(mapper, file.toString(), Files.newInputStream(file));
                override.lists().forEach(list -> lists.put(list.name(), list.withSize()));
                fullVersion += "+" + override.version();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the code-list override file " + file, e);
            }
        }
        this.version = fullVersion;
    }

    private record Document(String version, List<CodeList> lists) {
    }

    private static Document read(ObjectMapper mapper, String name, InputStream stream) {
        try (InputStream in = stream) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    public String version() {
        return version;
    }

    public List<CodeList> summaries() {
        return lists.values().stream().map(CodeList::summary).toList();
    }

    public Optional<CodeList> find(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    /** The Vietnamese label of {@code code} in list {@code name}; the code itself when the list has no such code. */
    public String labelVi(String name, String code) {
        if (code == null) {
            return "";
        }
        return find(name).flatMap(l -> l.entries().stream().filter(e -> e.code().equals(code)).findFirst())
                .map(CodeList.Entry::labelVi).orElse(code);
    }

    /** Adds a violation of {@code field} to {@code problems} unless {@code value} is absent or a code of {@code list}. */
    public void checkCode(List<Violation> problems, String field, String list, String value) {
        if (value != null && !contains(list, value)) {
            problems.add(new Violation(field, "is not a code of the " + list + " list (see /code-lists/" + list + ")"));
        }
    }

    /** Whether {@code subcode} is a subcode of {@code code} in list {@code name}. */
    public boolean containsSubcode(String name, String code, String subcode) {
        return find(name).flatMap(l -> l.entries().stream().filter(e -> e.code().equals(code)).findFirst())
                .map(e -> e.subcodes() != null && e.subcodes().stream().anyMatch(s -> s.code().equals(subcode)))
                .orElse(false);
    }

    /** Whether {@code code} is a top-level code of list {@code name}. */
    public boolean contains(String name, String code) {
        return find(name).map(l -> l.entries().stream().anyMatch(e -> e.code().equals(code))).orElse(false);
    }
}
