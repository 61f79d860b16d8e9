package ai.massrouter.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code MASSROUTER_*} variable the application reads is in the README's configuration
 * table, so the table stays the whole list. A row names a variable in full
 * ({@code MASSROUTER_CHARGES_FLUSHERS}), with a placeholder ({@code MASSROUTER_PROVIDER_<NAME>_API_KEY})
 * or as a suffix of the name before it ({@code `MASSROUTER_X_CLIENT_ID`, `_CLIENT_SECRET`}).
 */
class ReadmeConfigurationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(MASSROUTER_[A-Z0-9_]+)");
    private static final Pattern NAME = Pattern.compile("`((?:MASSROUTER)?_[A-Z0-9_<>]+)`");

    @Test
    void everyVariableOfApplicationYml_isInTheReadme() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        List<Pattern> documented = documentedNames(Files.readAllLines(root.resolve("README.md")));
        TreeSet<String> missing = new TreeSet<>();
        Matcher used = VARIABLE.matcher(Files.readString(root.resolve("app/src/main/resources/application.yml")));
        while (used.find()) {
            String variable = used.group(1);
            if (documented.stream().noneMatch(pattern -> pattern.matcher(variable).matches())) {
                missing.add(variable);
            }
        }
        assertThat(documented).hasSizeGreaterThan(50);
        assertThat(missing).as("MASSROUTER_* variables of application.yml missing from the README").isEmpty();
    }

    private static List<Pattern> documentedNames(List<String> readme) {
        List<Pattern> names = new ArrayList<>();
        for (String line : readme) {
            if (!line.startsWith("| `MASSROUTER_")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher name = NAME.matcher(firstCell);
            String full = null;
            while (name.find()) {
                String token = name.group(1);
                if (token.startsWith("MASSROUTER")) {
                    full = token;
                    names.add(pattern(token));
                } else if (full != null) {
                    // a suffix replaces the tail of the full name before it, after any of its underscores
                    for (int cut = full.indexOf('_'); cut > 0; cut = full.indexOf('_', cut + 1)) {
                        names.add(pattern(full.substring(0, cut) + token));
                    }
                }
            }
        }
        return names;
    }

    private static Pattern pattern(String name) {
        return Pattern.compile(Pattern.quote(name).replaceAll("<[A-Z]+>", "\\\\E[A-Z0-9]+\\\\Q"));
    }
}
