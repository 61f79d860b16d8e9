package ai.massrouter.projections.account;

import ai.massrouter.api.account.*;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.projections.common.UnitOfWorkBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Balances and transactions of every account. Events carry the balance after them, so rows
 * hold absolute values; a balance moves only for an event newer than its {@code last_sequence},
 * and a transaction's key is (account, sequence): applying an event twice changes nothing. The rows
 * of a batch of events are written together ({@link AccountRows}), three statements per batch.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {

    public static final String GROUP = "accounts";

    private final JdbcTemplate jdbc;

    public AccountProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccountOpenedEvent e, @SequenceNumber long sequence) {
        rows(rows -> rows.opened(e.accountId().value(), e.userId().value(), e.currency(), sequence, e.at()));
    }

    @EventHandler
    void on(TopUpCreditedEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), null, sequence, e.at());
        transaction(e.accountId(), sequence, e.userId().value(), TransactionType.PAYMENT, e.amount(), e.balanceAfter(),
                e.operationId().id(), "Top-up via " + e.paymentMethod() + " (" + e.paymentId() + ")", null, e.at());
    }

    @EventHandler
    void on(AccountCreditedEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), null, sequence, e.at());
        TransactionType type = e.operationId().origin() == OperationOrigin.REDEMPTION
                ? TransactionType.REDEMPTION : TransactionType.SIGNUP_CREDIT;
        transaction(e.accountId(), sequence, e.userId().value(), type, e.amount(), e.balanceAfter(),
                e.operationId().id(), e.description(), null, e.at());
    }

    @EventHandler
    void on(UsageChargedEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), null, sequence, e.at());
        transaction(e.accountId(), sequence, e.userId().value(), TransactionType.CONSUMPTION, e.amount().negate(),
                e.balanceAfter(), e.operationId().id(), "Usage of " + ModelId.valueOf(e.usage().modelId()), e.usage(), e.at());
    }

    @EventHandler
    void on(FundsHeldEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balance(), e.heldAfter(), sequence, e.at());
    }

    @EventHandler
    void on(HoldReleasedEvent e, @SequenceNumber long sequence) {
        rows(rows -> rows.balance(e.accountId().value(), sequence, e.at(), null, e.heldAfter().nanos()));
    }

    @EventHandler
    void on(HoldSettledEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), e.heldAfter(), sequence, e.at());
        transaction(e.accountId(), sequence, e.userId().value(), TransactionType.CONSUMPTION, e.charged().negate(),
                e.balanceAfter(), e.holdId().value(), "Usage of " + ModelId.valueOf(e.usage().modelId()), e.usage(), e.at());
    }

    @EventHandler
    void on(UsageRefundedEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), null, sequence, e.at());
        transaction(e.accountId(), sequence, e.userId().value(), TransactionType.REFUND, e.amount(), e.balanceAfter(),
                e.operationId().id(), "Refund of " + e.chargeOperationId().id() + (e.reason() == null ? "" : ": " + e.reason()),
                null, e.at());
    }

    @EventHandler
    void on(PaymentRefundDebitedEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), null, sequence, e.at());
        transaction(e.accountId(), sequence, e.userId().value(), TransactionType.REFUND, e.amount().negate(),
                e.balanceAfter(), e.operationId().id(), "Refund of payment " + e.paymentId(), null, e.at());
    }

    @EventHandler
    void on(BalanceAdjustedEvent e, @SequenceNumber long sequence) {
        balance(e.accountId(), e.balanceAfter(), null, sequence, e.at());
        transaction(e.accountId(), sequence, e.userId().value(), TransactionType.ADJUSTMENT, e.amount(),
                e.balanceAfter(), e.operationId().id(), e.reason(), null, e.at());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE account_balances_view, account_transactions_view");
    }

    private void rows(Consumer<AccountRows> change) {
        UnitOfWorkBatch.add(AccountRows.class.getName(), AccountRows::new, rows -> rows.write(jdbc), change);
    }

    private void balance(AccountId accountId, Money balance, Money held, long sequence, Instant at) {
        rows(rows -> rows.balance(accountId.value(), sequence, at, balance.nanos(), held == null ? null : held.nanos()));
    }

    private void transaction(AccountId accountId, long sequence, String userId, TransactionType type, Money amount,
                             Money balanceAfter, String operationId, String description, UsageDetails usage,
                             Instant at) {
        rows(rows -> rows.transaction(accountId.value(), sequence, "txn_" + accountId.value().substring(4) + "_"
                + sequence, userId, type.name(), amount.nanos(), balanceAfter.nanos(), amount.currency(), operationId,
                description, usage == null ? null : ModelId.valueOf(usage.modelId()),
                usage == null ? null : ApiKeyId.valueOf(usage.apiKeyId()),
                usage == null ? null : usage.promptTokens(), usage == null ? null : usage.completionTokens(), at));
    }
}
