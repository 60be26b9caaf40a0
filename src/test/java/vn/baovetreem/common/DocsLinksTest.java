package vn.baovetreem.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every link of the README and of {@code docs/} to a file of the repository leads to a file that
 * exists, so a document never cites what a reader cannot open (web links are not followed).
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    @Test
    void everyLinkToAFileOfTheRepositoryLeadsToOne() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(documents::add);
        }
        List<String> dead = new ArrayList<>();
        int links = 0;
        for (Path document : documents) {
            Matcher m = LINK.matcher(Files.readString(document));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                links++;
                if (!Files.exists(document.toAbsolutePath().getParent().resolve(target).normalize())) {
                    dead.add(document + " -> " + target);
                }
            }
        }
        assertThat(links).isGreaterThan(10);
        assertThat(dead).as("links to files that do not exist").isEmpty();
    }
}
