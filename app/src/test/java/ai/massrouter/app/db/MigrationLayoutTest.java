package ai.massrouter.app.db;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the migrations are and what they say: every module numbers its own from V1 without gaps,
 * and every migration of the old global numbering (kept as it was in
 * {@code src/test/resources/db/legacy}) lives on in its module with the same name and the very same SQL.
 */
class MigrationLayoutTest {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.(sql|class)");
    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void eachModule_numbersItsMigrationsFromOne_withoutGapsOrTwins() throws IOException {
        for (MigrationModule module : MigrationModule.values()) {
            List<Integer> versions = new ArrayList<>(migrations(module).keySet());

            assertThat(versions).as(module.folder())
                    .isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
        }
    }

    @Test
    void everyOldMigration_livesOnInItsModule_withTheSameNameAndSql() throws IOException {
        Map<Integer, List<LegacyHistory.Move>> byOld = LegacyHistory.MOVES.stream()
                .collect(Collectors.groupingBy(LegacyHistory.Move::oldVersion, TreeMap::new, Collectors.toList()));
        Map<Integer, Resource> legacy = versioned("classpath*:db/legacy/V*__*.*");
        assertThat(byOld.keySet()).isEqualTo(legacy.keySet());

        for (Map.Entry<Integer, List<LegacyHistory.Move>> entry : byOld.entrySet()) {
            Resource old = legacy.get(entry.getKey());
            List<Resource> now = new ArrayList<>();
            for (LegacyHistory.Move move : entry.getValue()) {
                now.add(migrations(move.module()).get(move.newVersion()));
            }
            assertThat(description(now.get(0))).as(old.getFilename()).isEqualTo(description(old));
            if (old.getFilename().endsWith(".class")) {
                continue; // the old Java migration runs the new one (db.legacy.V31__BackfillUsernameLookup)
            }
            String oldSql = text(old);
            String firstSql = text(now.get(0));
            // a split migration: the later parts were statements of the old one, cut out as they were
            for (Resource part : now.subList(1, now.size())) {
                assertThat(oldSql).as(old.getFilename()).contains(text(part));
                oldSql = oldSql.replace(text(part) + "\n", "");
            }
            assertThat(firstSql).as(old.getFilename() + " -> " + now.get(0).getFilename()).isEqualTo(oldSql);
        }
    }

    @Test
    void theMovedMigrations_areTheFirstOfEachModule() throws IOException {
        for (MigrationModule module : MigrationModule.values()) {
            TreeSet<Integer> moved = LegacyHistory.MOVES.stream().filter(m -> m.module() == module)
                    .map(LegacyHistory.Move::newVersion).collect(Collectors.toCollection(TreeSet::new));

            assertThat(moved).as(module.folder())
                    .isEqualTo(new TreeSet<>(IntStream.rangeClosed(1, moved.last()).boxed().toList()));
            assertThat(migrations(module).keySet()).as(module.folder()).containsAll(moved);
        }
    }

    /** A module's migrations by version: SQL files, and Java migrations of its package. */
    private Map<Integer, Resource> migrations(MigrationModule module) throws IOException {
        String folder = "classpath*:db/migration/" + module.folder() + "/";
        Map<Integer, Resource> found = versioned(folder + "V*__*.sql");
        versioned(folder + "V*__*.class").forEach((version, resource) ->
                assertThat(found.put(version, resource)).as(module.folder() + " V" + version).isNull());
        return found;
    }

    private Map<Integer, Resource> versioned(String pattern) throws IOException {
        Map<Integer, Resource> found = new TreeMap<>();
        for (Resource resource : resources.getResources(pattern)) {
            Matcher name = NAME.matcher(resource.getFilename());
            if (name.matches() && !resource.getFilename().contains("$")) {
                assertThat(found.put(Integer.parseInt(name.group(1)), resource)).as(pattern + " " + name.group(1)).isNull();
            }
        }
        return found;
    }

    private static String description(Resource resource) {
        Matcher name = NAME.matcher(resource.getFilename());
        assertThat(name.matches()).isTrue();
        return name.group(2);
    }

    private static String text(Resource resource) throws IOException {
        return resource.getContentAsString(StandardCharsets.UTF_8);
    }
}
