package vn.baovetreem.codelists;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The code lists shipped with the service, loaded once and immutable. */
@ApplicationScoped
public class CodeListCatalog {

    static final String RESOURCE = "codelists/code-lists.json";

    private final String version;
    private final Map<String, CodeList> lists = new LinkedHashMap<>();

    @Inject
    CodeListCatalog(ObjectMapper mapper) {
        Document document = load(mapper);
        this.version = document.version();
        document.lists().forEach(list -> lists.put(list.name(), list.withSize()));
    }

    private record Document(String version, List<CodeList> lists) {
    }

    private static Document load(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(in, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
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

    /** Whether {@code code} is a top-level code of list {@code name}. */
    public boolean contains(String name, String code) {
        return find(name).map(l -> l.entries().stream().anyMatch(e -> e.code().equals(code))).orElse(false);
    }
}
