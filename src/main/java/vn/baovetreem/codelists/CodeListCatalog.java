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
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The code lists shipped with the service, loaded once and immutable. A deployment may replace or
 * add lists (the risk categories, which have no official list, are the usual case) with a JSON
 * file of the same shape named by {@code cp.code-lists.override-file}; its version is appended
 * to the catalogue's.
 */
@ApplicationScoped
public class CodeListCatalog {

    static final String RESOURCE = "codelists/code-lists.json";
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private final String version;
    private final Map<String, CodeList> lists = new LinkedHashMap<>();
    private final Map<String, Set<String>> topCodes = new HashMap<>();
    private final Map<String, Map<String, String>> byName = new HashMap<>();

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
        lists.values().forEach(list -> {
            topCodes.put(list.name(), list.entries().stream().map(CodeList.Entry::code).collect(Collectors.toUnmodifiableSet()));
            byName.put(list.name(), names(list));
        });
    }

    /**
     * What names each top-level code of {@code list}: the code and both labels, by {@link #nameKey};
     * a key two codes share names neither.
     */
    private static Map<String, String> names(CodeList list) {
        Map<String, String> names = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (CodeList.Entry e : list.entries()) {
            for (String name : new String[] {e.code(), e.labelVi(), e.labelEn()}) {
                String key = nameKey(name);
                String earlier = key == null ? null : names.putIfAbsent(key, e.code());
                if (earlier != null && !earlier.equals(e.code())) {
                    shared.add(key);
                }
            }
        }
        names.keySet().removeAll(shared);
        return Map.copyOf(names);
    }

    /**
     * Case, the spaces around and between words (a no-break space pasted from a web page too) and
     * invisible format characters do not count; diacritics do ("Nam" is not "Năm").
     */
    private static String nameKey(String name) {
        String key = name == null ? "" : INVISIBLE.matcher(Normalizer.normalize(name, Normalizer.Form.NFC)).replaceAll("");
        key = SPACES.matcher(key).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
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

    /**
     * The top-level code of the first of {@code lists} that {@code value} names, as a spreadsheet
     * writes it: the code, its Vietnamese or its English label, in any case ({@code Nữ},
     * {@code female} and {@code FEMALE} are {@code FEMALE}); {@code value} itself when it is a code
     * of one of them or names none, for the lists' checks to report.
     */
    public String codeNamedBy(List<String> lists, String value) {
        if (value == null || lists.isEmpty() || lists.stream().anyMatch(name -> contains(name, value))) {
            return value;
        }
        String key = nameKey(value);
        return key == null ? value : lists.stream().map(name -> byName.getOrDefault(name, Map.of()).get(key)).filter(Objects::nonNull)
                .findFirst().orElse(value);
    }

    /** Whether {@code code} is a top-level code of list {@code name}. */
    public boolean contains(String name, String code) {
        return topCodes.getOrDefault(name, Set.of()).contains(code);
    }
}
