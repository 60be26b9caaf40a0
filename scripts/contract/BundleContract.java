import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Bundles the contract, kept split by tag in {@code openapi/}, into the one document the service
 * serves and clients download (run by the build at generate-resources; no dependencies, so it runs
 * as a source file: {@code java scripts/contract/BundleContract.java openapi target/openapi/openapi.yaml}).
 *
 * <ul>
 * <li>{@code root.yaml}: {@code openapi}, {@code info}, {@code servers}, {@code security} and
 * {@code tags}, as they are;</li>
 * <li>{@code paths/NN-<tag>.yaml}: the paths whose operations carry that tag, in the order of
 * {@code NN}, under {@code paths};</li>
 * <li>{@code components/N-<section>.yaml}: the entries of one section of {@code components}
 * ({@code schemas}, {@code responses}...), in the order of {@code N}.</li>
 * </ul>
 *
 * The parts are written at the top level of their own files and indented into place, line by
 * line, so the bundle is exactly the text of the parts: a line of the bundle is found at the same
 * place in its part. It fails on a part named for a tag the root does not declare, an operation
 * tagged otherwise than its file, or a line of spaces only (which would not survive the indenting).
 */
public final class BundleContract {

    private static final Pattern PART = Pattern.compile("(\\d+)-([A-Za-z-]+)\\.yaml");
    private static final Pattern DECLARED_TAG = Pattern.compile("(?m)^  - name: ([a-z-]+)$");
    private static final Pattern OPERATION_TAGS = Pattern.compile("(?m)^    tags: \\[([^]]*)]$");

    private BundleContract() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java BundleContract.java <contract directory> <bundle to write>");
            System.exit(2);
        }
        Path bundle = Path.of(args[1]);
        Files.createDirectories(bundle.toAbsolutePath().getParent());
        Files.writeString(bundle, bundle(Path.of(args[0])), StandardCharsets.UTF_8);
    }

    static String bundle(Path dir) throws IOException {
        String root = Files.readString(dir.resolve("root.yaml"), StandardCharsets.UTF_8);
        List<String> declared = DECLARED_TAG.matcher(root).results().map(m -> m.group(1)).toList();
        StringBuilder out = new StringBuilder(root).append("paths:\n");
        for (Path part : parts(dir.resolve("paths"))) {
            String tag = name(part);
            if (!declared.contains(tag)) {
                throw new IllegalStateException(part + ": no tag " + tag + " in root.yaml (tags: " + declared + ")");
            }
            String text = Files.readString(part, StandardCharsets.UTF_8);
            Matcher tags = OPERATION_TAGS.matcher(text);
            while (tags.find()) {
                if (!tags.group(1).equals(tag)) {
                    throw new IllegalStateException(part + ": an operation tagged [" + tags.group(1) + "] in the file of " + tag);
                }
            }
            indent(out, part, text, "  ");
        }
        out.append("components:\n");
        for (Path part : parts(dir.resolve("components"))) {
            out.append("  ").append(name(part)).append(":\n");
            indent(out, part, Files.readString(part, StandardCharsets.UTF_8), "    ");
        }
        return out.toString();
    }

    /** The parts of a folder in the order of their numbers. */
    private static List<Path> parts(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> parts = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList());
            for (Path part : parts) {
                if (!PART.matcher(part.getFileName().toString()).matches()) {
                    throw new IllegalStateException(part + ": a part is named <number>-<name>.yaml");
                }
            }
            parts.sort((a, b) -> Integer.compare(number(a), number(b)));
            return parts;
        }
    }

    private static int number(Path part) {
        return Integer.parseInt(matched(part).group(1));
    }

    private static String name(Path part) {
        return matched(part).group(2);
    }

    private static Matcher matched(Path part) {
        Matcher m = PART.matcher(part.getFileName().toString());
        m.matches();
        return m;
    }

    private static void indent(StringBuilder out, Path part, String text, String by) {
        if (!text.endsWith("\n")) {
            throw new IllegalStateException(part + ": the file must end with a line break");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                if (lines[i].isBlank()) {
                    throw new IllegalStateException(part + ":" + (i + 1) + ": a line of spaces only");
                }
                out.append(by).append(lines[i]);
            }
            out.append('\n');
        }
    }
}
