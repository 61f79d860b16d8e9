package ai.massrouter.projections.live;

import ai.massrouter.api.account.*;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.user.UserId;
import ai.massrouter.projections.account.AccountProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live side of the ledger's read model: it runs in the {@code accounts} processing group, so
 * in the same batch transaction as {@link AccountProjection}, and its notices are delivered after
 * that transaction committed the balance (see {@link LiveNotices}). Usage charges also feed
 * {@code model.usage}; a charge that takes the balance below the threshold raises a low-balance alert.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountLivePush {

    private final LiveNotices notices;
    private final BigDecimal lowBalance;

    public AccountLivePush(LiveNotices notices, @Value("${massrouter.live.low-balance:10}") BigDecimal lowBalance) {
        this.notices = notices;
        this.lowBalance = lowBalance;
    }

    @EventHandler
    void on(TopUpCreditedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "top_up", e.amount(), e.balanceAfter(), null, null, status);
    }

    /** A redemption code or a sign-up credit: {@code kind} is the credit's origin ({@code redemption}, {@code signup_credit}). */
    @EventHandler
    void on(AccountCreditedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), e.operationId().origin().code(), e.amount(), e.balanceAfter(),
                null, null, status);
    }

    @EventHandler
    void on(UsageChargedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "charge", e.amount().negate(), e.balanceAfter(), null,
                e.usage(), status);
        usage(e.usage(), id, e.at(), status);
        lowBalanceAlert(e.userId(), id, e.at(), e.balanceAfter().plus(e.amount()), e.balanceAfter(), status);
    }

    @EventHandler
    void on(HoldSettledEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "settlement", e.charged().negate(), e.balanceAfter(),
                e.heldAfter(), e.usage(), status);
        usage(e.usage(), id, e.at(), status);
        lowBalanceAlert(e.userId(), id, e.at(), e.balanceAfter().plus(e.charged()), e.balanceAfter(), status);
    }

    @EventHandler
    void on(FundsHeldEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "hold", e.amount(),
                e.balance(), e.heldAfter(), null, status);
    }

    @EventHandler
    void on(HoldReleasedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "hold_released", e.amount(), null, e.heldAfter(), null, status);
    }

    @EventHandler
    void on(UsageRefundedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "refund", e.amount(), e.balanceAfter(), null, null, status);
    }

    @EventHandler
    void on(PaymentRefundDebitedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "payment_refund", e.amount().negate(), e.balanceAfter(),
                null, null, status);
        lowBalanceAlert(e.userId(), id, e.at(), e.balanceAfter().plus(e.amount()), e.balanceAfter(), status);
    }

    @EventHandler
    void on(BalanceAdjustedEvent e, @SequenceNumber long seq, @MessageIdentifier String id, ReplayStatus status) {
        billing(e.accountId(), e.userId(), seq, id, e.at(), "adjustment", e.amount(), e.balanceAfter(), null, null,
                status);
        lowBalanceAlert(e.userId(), id, e.at(), e.balanceAfter().minus(e.amount()), e.balanceAfter(), status);
    }

    private void billing(AccountId accountId, UserId userId, long sequence, String eventId, Instant at, String kind,
                         Money change, Money balance, Money onHold, UsageDetails usage, ReplayStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account_id", accountId.value());
        data.put("kind", kind);
        data.put("sequence", sequence);
        if (change != null) {
            data.put("amount", change.toDecimal());
            data.put("currency", change.currency());
        }
        if (balance != null) {
            data.put("total", balance.toDecimal());
            data.put("currency", balance.currency());
        }
        if (onHold != null) {
            data.put("on_hold", onHold.toDecimal());
            data.put("currency", onHold.currency());
        }
        if (usage != null) {
            data.put("model", ModelId.valueOf(usage.modelId()));
            data.put("api_key_id", ApiKeyId.valueOf(usage.apiKeyId()));
            data.put("prompt_tokens", usage.promptTokens());
            data.put("completion_tokens", usage.completionTokens());
        }
        notices.publish(new LiveUpdate(LiveTopics.BILLING, "balance.changed", eventId, at, LiveAudience.OWNER, userId,
                null, data), status);
    }

    private void usage(UsageDetails usage, String eventId, Instant at, ReplayStatus status) {
        notices.publish(new LiveUpdate(LiveTopics.MODEL_USAGE, "usage.counted", eventId, at, LiveAudience.EVERYONE,
                null, null, Map.of("model", ModelId.valueOf(usage.modelId()), "prompt_tokens", usage.promptTokens(),
                "completion_tokens", usage.completionTokens())), status);
    }

    private void lowBalanceAlert(UserId userId, String eventId, Instant at, Money before, Money after,
                                 ReplayStatus status) {
        BigDecimal threshold = lowBalance;
        if (before.toDecimal().compareTo(threshold) >= 0 && after.toDecimal().compareTo(threshold) < 0) {
            notices.publish(new LiveUpdate(LiveTopics.ALERTS, "balance.low", eventId, at, LiveAudience.OWNER, userId,
                    null, Map.of("total", after.toDecimal(), "currency", after.currency(), "threshold", threshold)),
                    status);
        }
    }
}
