package ai.massrouter.command.invalidation;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is alive (whose pings this node hears) and which nodes have answered the changes this node
 * made. Filled by the {@link InvalidationListener}'s thread, awaited by the threads that commit
 * changes.
 */
final class ChangeAnswers {

    private final String self;
    private final long lease;
    /** node id -> when this node last heard its ping (System.nanoTime). */
    private final Map<String, Long> members = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();

    ChangeAnswers(String self, Duration lease) {
        this.self = self;
        this.lease = lease.toNanos();
    }

    void heardFrom(String node) {
        long now = System.nanoTime();
        members.put(node, now);
        if (node.equals(self)) {
            // nodes that stopped long ago are forgotten
            members.values().removeIf(heard -> now - heard > 10 * lease);
        }
    }

    void expect(String changeId) {
        pending.put(changeId, ConcurrentHashMap.newKeySet());
    }

    void forget(String changeId) {
        pending.remove(changeId);
    }

    void answered(String changeId, String node) {
        Set<String> answers = pending.get(changeId);
        if (answers != null) {
            synchronized (answers) {
                answers.add(node);
                answers.notifyAll();
            }
        }
    }

    /**
     * Returns once every live node (this one included) has dropped the change, or one lease after
     * the commit: by then a node that has not answered serves nothing from a cache it holds from
     * before the change (its lease ran out, or it renewed it by hearing a ping sent after the change).
     */
    void await(String changeId) throws InterruptedException {
        Set<String> answers = pending.get(changeId);
        if (answers == null) {
            return;
        }
        long deadline = System.nanoTime() + lease;
        try {
            synchronized (answers) {
                while (!everyLiveNodeIn(answers)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    answers.wait(Math.max(1, left / 1_000_000));
                }
            }
        } finally {
            pending.remove(changeId);
        }
    }

    /**
     * Live: heard within two leases. Notices arrive in commit order, so a node whose ping was
     * committed before the change is heard here before the answers are, and is waited for.
     */
    private boolean everyLiveNodeIn(Set<String> answers) {
        if (!answers.contains(self)) {
            return false;
        }
        long now = System.nanoTime();
        return members.entrySet().stream()
                .filter(m -> now - m.getValue() < 2 * lease)
                .allMatch(m -> answers.contains(m.getKey()));
    }
}
