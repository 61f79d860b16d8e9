package ai.massrouter.api.common;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Group commit: the items that wait while a unit of work is being written go into the next one
 * together. {@link #submit} returns the item's own answer once the unit of work that holds it is
 * done; at most {@code flushers} units of work are under way at once, each of at most
 * {@code maxSize} (by {@code size}, at least one item). {@code together} writes one group and
 * answers each item, in order; when it throws, nothing of the group was written (it is one
 * transaction) and every caller of the group gets {@link GroupFailedException}, on which it does its
 * item alone.
 *
 * @param <T> an item (a command)
 * @param <R> its answer
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    private final Function<List<T>, List<R>> together;
    private final ToIntFunction<T> size;
    private final int flushers;
    private final int maxSize;
    private final BiConsumer<Integer, Throwable> onGroupFailure;
    private final ExecutorService executor;
    private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
    private int flushing;
    private boolean closed;

    /**
     * @param name           the flusher threads' name ({@code name-1}, ...)
     * @param onGroupFailure told once per failed group: its number of items and the failure
     */
    public GroupCommit(String name, int flushers, int maxSize, ToIntFunction<T> size,
                       Function<List<T>, List<R>> together, BiConsumer<Integer, Throwable> onGroupFailure) {
        if (flushers < 1 || maxSize < 1) {
            throw new IllegalArgumentException("flushers and maxSize must be at least 1");
        }
        this.together = together;
        this.size = size;
        this.flushers = flushers;
        this.maxSize = maxSize;
        this.onGroupFailure = onGroupFailure;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(flushers, r -> {
            Thread thread = new Thread(r, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Writes the item in a unit of work with whatever else waits and returns its answer.
     *
     * @throws GroupFailedException when the unit of work failed as a whole (nothing of it was written)
     */
    public R submit(T item) {
        Waiting<T, R> waiting = new Waiting<>(item, size.applyAsInt(item), new CompletableFuture<>());
        boolean startFlusher;
        synchronized (queue) {
            if (closed) {
                throw new GroupFailedException(new IllegalStateException("stopping"));
            }
            queue.add(waiting);
            startFlusher = flushing < flushers;
            if (startFlusher) {
                flushing++;
            }
        }
        if (startFlusher) {
            executor.execute(this::flush);
        }
        try {
            return waiting.answer().join();
        } catch (CompletionException failed) {
            throw new GroupFailedException(failed.getCause());
        }
    }

    private void flush() {
        while (true) {
            List<Waiting<T, R>> group = new ArrayList<>();
            synchronized (queue) {
                int taken = 0;
                while (!queue.isEmpty() && (group.isEmpty() || taken + queue.peek().size() <= maxSize)) {
                    Waiting<T, R> next = queue.poll();
                    taken += next.size();
                    group.add(next);
                }
                if (group.isEmpty()) {
                    flushing--;
                    return;
                }
            }
            writeTogether(group);
        }
    }

    private void writeTogether(List<Waiting<T, R>> group) {
        try {
            List<R> answers = together.apply(group.stream().map(Waiting::item).toList());
            if (answers.size() != group.size()) {
                throw new IllegalStateException(answers.size() + " answers for " + group.size() + " items");
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(answers.get(i));
            }
        } catch (Throwable failure) {
            onGroupFailure.accept(group.size(), failure);
            group.forEach(waiting -> waiting.answer().completeExceptionally(failure));
        }
    }

    /** Items waiting for a unit of work (not those in one). */
    public int waiting() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Stops the flushers; whoever still waits gets {@link GroupFailedException}. */
    @Override
    public void close() {
        executor.shutdownNow();
        synchronized (queue) {
            closed = true;
            queue.forEach(waiting -> waiting.answer().completeExceptionally(new IllegalStateException("stopping")));
            queue.clear();
        }
    }

    /** The unit of work an item was in failed as a whole: nothing of it was written. */
    public static final class GroupFailedException extends RuntimeException {
        GroupFailedException(Throwable cause) {
            super("the group this item was written with failed: " + cause, cause);
        }
    }

    private record Waiting<T, R>(T item, int size, CompletableFuture<R> answer) {
    }
}
