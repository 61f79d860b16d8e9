package ai.massrouter.app.ratelimit;

import ai.massrouter.app.support.AtOnce;
import ai.massrouter.app.support.PlatformIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit across nodes, as RateLimiter documents it: every request let through spent a token
 * taken from the shared bucket. Two limiters over the same database are two nodes.
 */
class RateLimiterIT extends PlatformIT {

    @Autowired
    SharedBudgets budgets;

    @Test
    void manyConcurrentRequestsOnTwoNodes_areLetThroughExactlyUpToTheLimit() throws Exception {
        RateLimiter node1 = new RateLimiter(budgets);
        RateLimiter node2 = new RateLimiter(budgets);
        String bucket = "key:" + UUID.randomUUID();
        long started = System.nanoTime();
        List<Boolean> allowed = AtOnce.run(3000, 16,
                i -> (i % 2 == 0 ? node1 : node2).tryConsume(bucket, 1000).allowed());
        double hours = (System.nanoTime() - started) / 3.6e12;

        long through = allowed.stream().filter(a -> a).count();
        // a lease is 20 tokens: both nodes spend theirs, so none is left unused while the other refuses
        assertThat(through).isBetween(1000L, 1000L + (long) Math.ceil(hours * 1000));
    }

    @Test
    void aLeaseUnusedForASecond_goesBackForTheOtherNode() throws Exception {
        RateLimiter node1 = new RateLimiter(budgets);
        RateLimiter node2 = new RateLimiter(budgets);
        String bucket = "key:" + UUID.randomUUID();
        assertThat(node1.tryConsume(bucket, 100).allowed()).isTrue(); // node1 leases 2 tokens and spends 1
        for (int i = 0; i < 98; i++) {
            assertThat(node2.tryConsume(bucket, 100).allowed()).isTrue();
        }
        assertThat(node2.tryConsume(bucket, 100).allowed()).as("node1 still holds a token").isFalse();

        Thread.sleep(1100);
        node1.giveBackIdleLeases();
        Thread.sleep(1000); // node2 asks the shared bucket again at most a second after it found it empty
        assertThat(node2.tryConsume(bucket, 100).allowed()).isTrue();
    }

    @Test
    void aBucketFoundEmpty_isNotAskedAgainAtEachRequest() {
        RateLimiter node = new RateLimiter(budgets);
        String bucket = "ip:" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(node.tryConsume(bucket, 3).allowed()).isTrue();
        }
        RateLimiter.Decision refused = node.tryConsume(bucket, 3);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(1100L, 1200L); // one token of 3 an hour: 20 minutes
        budgets.giveBack(bucket + ":3", 3); // the database has tokens again, this node does not ask before a second
        assertThat(node.tryConsume(bucket, 3).allowed()).isFalse();
    }
}
