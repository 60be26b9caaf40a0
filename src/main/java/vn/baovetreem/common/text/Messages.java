package vn.baovetreem.common.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message catalogue: the messages of problems, of import reports and of import jobs in each
 * {@link Language}. The code writes every message in English; {@code messages/vi.tsv} gives
 * each its Vietnamese, one per line as {@code English<TAB>Vietnamese}. In a message with values
 * ({@code must lie between 2000 and {1}}), {@code {1}}, {@code {2}}… stand for them, in any
 * order in the translation; a value that is itself a message (a field's problem quoted in a job's
 * message) is translated too. A message the catalogue lacks is given in English.
 */
public final class Messages {

    private static final String RESOURCE = "messages/vi.tsv";
    private static final Pattern VALUE_SLOT = Pattern.compile("\\{(\\d)}");

    /** A message with values: the English as a regular expression, and where each value goes. */
    private record Template(String prefix, Pattern english, String translation) {
    }

    private static final Messages VIETNAMESE = load();

    private final Map<String, String> exact;
    private final List<Template> templates;

    private Messages(Map<String, String> exact, List<Template> templates) {
        this.exact = exact;
        this.templates = templates;
    }

    /** {@code english} in {@code language}; itself when the catalogue has no translation of it. */
    public static String translate(String english, Language language) {
        return english == null || language == Language.EN ? english : VIETNAMESE.vietnamese(english);
    }

    /** Whether the catalogue translates {@code english} into Vietnamese (a test checks every message of the code). */
    public static boolean translates(String english) {
        return VIETNAMESE.find(english) != null;
    }

    private String vietnamese(String english) {
        String found = find(english);
        return found == null ? english : found;
    }

    private String find(String english) {
        String found = exact.get(english);
        if (found != null) {
            return found;
        }
        for (Template t : templates) {
            if (english.startsWith(t.prefix())) {
                Matcher m = t.english().matcher(english);
                if (m.matches()) {
                    return VALUE_SLOT.matcher(t.translation()).replaceAll(r -> {
                        String value = m.group(Integer.parseInt(r.group(1)));
                        String translated = find(value);
                        return Matcher.quoteReplacement(translated == null ? value : translated);
                    });
                }
            }
        }
        return null;
    }

    private static Messages load() {
        Map<String, String> exact = new HashMap<>();
        List<Template> templates = new ArrayList<>();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " is not English<TAB>Vietnamese");
                }
                if (VALUE_SLOT.matcher(parts[0]).find()) {
                    templates.add(template(parts[0], parts[1]));
                } else if (exact.put(parts[0], parts[1]) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + " translates a message twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Messages(Map.copyOf(exact), List.copyOf(templates));
    }

    /**
     * The English with a group for each value, numbered as the placeholders are; the translation
     * refers to the groups by those numbers.
     */
    private static Template template(String english, String translation) {
        StringBuilder regex = new StringBuilder();
        Matcher m = VALUE_SLOT.matcher(english);
        int at = 0;
        String prefix = null;
        Map<Integer, Integer> groupOf = new HashMap<>();
        int group = 0;
        while (m.find()) {
            if (prefix == null) {
                prefix = english.substring(0, m.start());
            }
            regex.append(Pattern.quote(english.substring(at, m.start()))).append("(.+?)");
            groupOf.put(Integer.parseInt(m.group(1)), ++group);
            at = m.end();
        }
        regex.append(Pattern.quote(english.substring(at)));
        String renumbered = VALUE_SLOT.matcher(translation).replaceAll(r -> {
            Integer g = groupOf.get(Integer.parseInt(r.group(1)));
            if (g == null) {
                throw new IllegalStateException(RESOURCE + ": " + translation + " uses a value its English lacks");
            }
            return "{" + g + "}";
        });
        return new Template(prefix, Pattern.compile(regex.toString(), Pattern.DOTALL), renumbered);
    }
}
