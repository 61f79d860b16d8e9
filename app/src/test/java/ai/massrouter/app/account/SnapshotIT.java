package ai.massrouter.app.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.UsageCharge;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.user.UserId;
import ai.massrouter.app.support.PlatformIT;
import ai.massrouter.command.account.ChargeCoalescer;
import org.awaitility.Awaitility;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import static ai.massrouter.app.support.MoneyFixtures.balance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts are snapshotted on a background thread, not in the thread that commits their charges:
 * the snapshots still come (every 100 events), and an account loaded cold from its newest snapshot
 * and the events after it charges from the same balance as the one that was cached.
 */
class SnapshotIT extends PlatformIT {

    private static final Money TEN_CENTS = Money.ofDecimal(new BigDecimal("0.10"), "CNY");

    @Autowired
    ChargeCoalescer coalescer;
    @Autowired
    Cache aggregateCache;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void snapshotsAreTakenInTheBackground_andAColdLoadFromThemChargesFromTheSameBalance() {
        User user = fundedUser("snapshot", "100.00");
        AccountId account = user.account();
        UsageDetails usage = new UsageDetails(UserId.of(user.id()), null, ModelId.of("mock/echo"), "mock", "chat", 1, 0,
                new ModelPricing(Money.of(1, "CNY"), Money.of(1, "CNY")));

        // 250 charges in batches of 10: the account's stream passes 200 events
        for (int batch = 0; batch < 25; batch++) {
            int first = batch * 10;
            coalescer.charge(new ChargeUsageBatchCommand(account, IntStream.range(first, first + 10)
                    .mapToObj(i -> new UsageCharge("snap-" + i, usage, TEN_CENTS, SpendLimits.NONE)).toList(),
                    Instant.now()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT coalesce(max(sequencenumber), -1) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Long.class, account.value())).isGreaterThanOrEqualTo(200L));

        // the next command loads the account from its snapshot and the events after it
        aggregateCache.removeAll();
        coalescer.charge(new ChargeUsageBatchCommand(account,
                java.util.List.of(new UsageCharge("snap-after", usage, TEN_CENTS, SpendLimits.NONE)), Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(balance(api, user.token()).path("total").decimalValue()).isEqualByComparingTo("74.90"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, account.value())).isGreaterThanOrEqualTo(252L);
        assertLedgerReconciled();
    }
}
