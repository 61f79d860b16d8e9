package ai.massrouter.api.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    /** An item: its key (an account) and its number among that key's items. */
    private record Item(String key, int number) {
    }

    @Test
    void oneKey_isInOneGroupAtATime_inOrder_andWhatWaitedMeanwhileIsOneGroup() throws Exception {
        Set<String> beingWritten = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        List<List<Item>> groups = new CopyOnWriteArrayList<>();
        try (GroupCommit<Item, Integer> commit = new GroupCommit<>("test", 2, 500, Item::key, item -> 1, group -> {
            for (String key : group.stream().map(Item::key).distinct().toList()) {
                if (!beingWritten.add(key)) {
                    overlaps.incrementAndGet();
                }
            }
            groups.add(group);
            sleep(3);
            group.stream().map(Item::key).distinct().forEach(beingWritten::remove);
            return group.stream().map(Item::number).toList();
        }, (size, failure) -> { })) {
            int callers = 16;
            int each = 25;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            List<Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int first = caller * each;
                done.add(pool.submit(() -> {
                    for (int i = first; i < first + each; i++) {
                        assertThat(commit.submit(new Item("hot", i))).isEqualTo(i);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(16 * 25);
        // every caller waits in the queue while a group is written: groups hold most of them, not half
        double mean = groups.stream().mapToInt(List::size).average().orElseThrow();
        assertThat(mean).isGreaterThan(10);
        // a caller's items in the order it sent them
        Map<Integer, List<Integer>> byCaller = new ConcurrentHashMap<>();
        groups.forEach(group -> group.forEach(item ->
                byCaller.computeIfAbsent(item.number() / 25, c -> Collections.synchronizedList(new ArrayList<>()))
                        .add(item.number())));
        byCaller.values().forEach(numbers -> assertThat(numbers).isSorted());
    }

    @Test
    void otherKeys_areWrittenBesideABusyOne() throws Exception {
        CountDownLatch hotWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (GroupCommit<Item, Integer> commit = new GroupCommit<>("test", 2, 500, Item::key, item -> 1, group -> {
            if (group.get(0).key().equals("hot")) {
                hotWriting.countDown();
                await(release);
            }
            return group.stream().map(Item::number).toList();
        }, (size, failure) -> { })) {
            ExecutorService pool = Executors.newCachedThreadPool();
            Future<Integer> hot = pool.submit(() -> commit.submit(new Item("hot", 1)));
            assertThat(hotWriting.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> hotAgain = pool.submit(() -> commit.submit(new Item("hot", 2)));
            // the second flusher skips the busy key and writes another account's item at once
            assertThat(pool.submit(() -> commit.submit(new Item("other", 3))).get(10, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(hotAgain.isDone()).isFalse();
            release.countDown();
            assertThat(hot.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(hotAgain.get(10, TimeUnit.SECONDS)).isEqualTo(2);
            pool.shutdown();
        }
    }

    @Test
    void aFailedGroup_failsEachOfItsItems_andTheNextGroupGoesOn() {
        try (GroupCommit<Item, Integer> commit = new GroupCommit<>("test", 1, 500, Item::key, item -> 1, group -> {
            if (group.get(0).number() < 0) {
                throw new IllegalStateException("database down");
            }
            return group.stream().map(Item::number).toList();
        }, (size, failure) -> { })) {
            assertThatThrownBy(() -> commit.submit(new Item("a", -1)))
                    .isInstanceOf(GroupCommit.GroupFailedException.class).hasRootCauseMessage("database down");
            assertThat(commit.submit(new Item("a", 7))).isEqualTo(7);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
