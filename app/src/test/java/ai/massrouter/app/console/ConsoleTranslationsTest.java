package ai.massrouter.app.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's dictionary (static/console/messages.js) says every text in both languages. */
class ConsoleTranslationsTest {

    private static final Path CONSOLE = Path.of("src", "main", "resources", "static", "console");
    private static final Pattern ENTRY = Pattern.compile("(?:'([\\w.]+)'|\\b(\\w+)): '");
    private static final Pattern USE = Pattern.compile("\\bt\\('([\\w.]+)'");

    @Test
    void chineseAndEnglish_haveTheSameKeys() throws IOException {
        assertThat(keys(language("zh"))).isEqualTo(keys(language("en")));
    }

    @Test
    void everyTextAPageAsksFor_isInTheDictionary() throws IOException {
        Set<String> known = keys(language("en"));
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static String language(String name) throws IOException {
        String all = Files.readString(CONSOLE.resolve("messages.js"));
        int start = all.indexOf("\n  " + name + ": {");
        assertThat(start).as("the %s block of messages.js", name).isPositive();
        int end = all.indexOf("\n  },", start);
        return all.substring(start, end);
    }

    private static Set<String> keys(String block) {
        Set<String> keys = new TreeSet<>();
        Matcher m = ENTRY.matcher(block);
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return keys;
    }
}
