package ai.massrouter.command.invalidation;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NodeCacheTest {

    private final AtomicBoolean fresh = new AtomicBoolean(true);
    private final AtomicInteger loads = new AtomicInteger();
    private final NodeCache<String, String> cache = new NodeCache<>(fresh::get, 3);

    private Optional<String> load(String key) {
        loads.incrementAndGet();
        return Optional.of("row " + key);
    }

    @Test
    void aRowReadOnce_isServedFromTheNode_untilItsChangeNoticeDropsIt() {
        assertThat(cache.get("k1", this::load)).contains("row k1");
        assertThat(cache.get("k1", this::load)).contains("row k1");
        assertThat(loads).hasValue(1);

        cache.evictWhere(row -> row.equals("row k1"));
        cache.get("k1", this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void whileTheNodeCannotProveItHeardEveryChange_everyReadGoesToTheDatabase() {
        cache.get("k1", this::load);
        fresh.set(false);
        cache.get("k1", this::load);
        cache.get("k1", this::load);
        assertThat(loads).hasValue(3);
    }

    @Test
    void aRowReadBeforeAChange_isNotKept_whenTheChangeNoticeArrivesDuringTheRead() {
        assertThat(cache.get("k1", key -> {
            cache.evictWhere(row -> true);   // the notice of a change committed while this read ran
            return Optional.of("row as it was");
        })).contains("row as it was");
        cache.get("k1", this::load);
        assertThat(loads).as("the stale row was not kept").hasValue(1);
    }

    @Test
    void absentRows_areNeverCached() {
        cache.get("unknown", key -> {
            loads.incrementAndGet();
            return Optional.empty();
        });
        cache.get("unknown", this::load);
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLocalUpdate_neverBringsBackAnEvictedRow() {
        cache.get("k1", this::load);
        cache.evictWhere(row -> true);
        cache.update("k1", row -> row + " used");
        cache.get("k1", this::load);
        assertThat(loads).hasValue(2);
    }
}
