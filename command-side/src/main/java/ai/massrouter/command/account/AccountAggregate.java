package ai.massrouter.command.account;

import ai.massrouter.api.account.*;
import ai.massrouter.api.apikey.ApiKeyId;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A prepaid account: the one place where the no-overdraft rule is checked. Every money-moving
 * command has an operation id, (origin, id), whose origin is the command's own (see
 * {@link OperationOrigin}); its first result is recorded (see {@link AccountOperations}) in the
 * same transaction as the event, and the same operation again returns that result and moves
 * nothing. A hold is settled or released by its own id, in origins no client can write to.
 * Balances are nanos of the account's currency.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "accountSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class AccountAggregate {

    @AggregateIdentifier
    private AccountId accountId;
    private UserId userId;
    private String currency;
    /** All the account holds, held money included. */
    private long balance;
    /** The part of {@link #balance} reserved by open holds. */
    private long held;
    private Map<String, Hold> holds = new HashMap<>();
    private Map<String, KeySpend> keySpend = new HashMap<>();

    protected AccountAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenAccountCommand command) {
        if (accountId == null) {
            apply(new AccountOpenedEvent(command.accountId(), command.userId(), command.currency(), command.at()));
        }
    }

    @CommandHandler
    public AccountOperationResult handle(CreditTopUpCommand c, AccountOperations operations) {
        OperationId operationId = OperationId.of(OperationOrigin.TOPUP, c.paymentId().value());
        return once(operations, operationId, c.at(), () -> {
            Money amount = positive(c.amount());
            return movement(MovementKind.TOPUP, amount, balance + amount.nanos(), held, new TopUpCreditedEvent(accountId, userId,
                    operationId, c.paymentId(), c.paymentMethod(), amount, money(balance + amount.nanos()), c.at()));
        });
    }

    /** A credit that no payment backs: only the origins of {@link CreditAccountCommand} (redemption, sign-up). */
    @CommandHandler
    public AccountOperationResult handle(CreditAccountCommand c, AccountOperations operations) {
        if (c.origin() != OperationOrigin.REDEMPTION && c.origin() != OperationOrigin.SIGNUP_CREDIT) {
            throw new IllegalArgumentException("An account credit's origin is redemption or signup_credit, not "
                    + c.origin());
        }
        OperationId operationId = OperationId.of(c.origin(), c.creditId());
        return once(operations, operationId, c.at(), () -> {
            Money amount = positive(c.amount());
            long after = balance + amount.nanos();
            return movement(MovementKind.creditOf(c.origin()), amount, after, held, new AccountCreditedEvent(accountId, userId,
                    operationId, amount, c.description(), money(after), c.at()));
        });
    }

    @CommandHandler
    public AccountOperationResult handle(ChargeUsageCommand c, AccountOperations operations) {
        UsageChargeOutcome outcome = handle(new ChargeUsageBatchCommand(accountId,
                List.of(new UsageCharge(c.requestId(), c.usage(), c.amount(), c.keyLimits())), c.at()), operations)
                .outcomes().get(0);
        if (outcome.error() != null) {
            throw outcome.error().toException();
        }
        return outcome.result();
    }

    /**
     * Charges in order; a refused charge moves nothing and does not stop the others. Request ids
     * are the client's, in the {@code usage} origin only.
     */
    @CommandHandler
    public UsageBatchResult handle(ChargeUsageBatchCommand c, AccountOperations operations) {
        ChargedBatch charged = charge(c, new HashMap<>(operations.findAll(accountId, usageOperations(c))));
        operations.recordAll(accountId, charged.recorded());
        return charged.result();
    }

    /**
     * Decides and applies a batch of charges, given the operations of the batch already recorded
     * ({@code recorded}, which gains the new ones, so the same id twice charges once). The caller
     * records {@link ChargedBatch#recorded()} in the same transaction: this handler, or
     * {@link GroupCharges}, which charges many accounts in one unit of work.
     */
    ChargedBatch charge(ChargeUsageBatchCommand c, Map<OperationId, AccountOperationResult> recorded) {
        List<UsageChargeOutcome> outcomes = new ArrayList<>();
        List<AccountOperationResult> fresh = new ArrayList<>();
        for (UsageCharge charge : c.charges()) {
            OperationId operationId = usageOperation(charge.requestId());
            AccountOperationResult previous = recorded.get(operationId);
            if (previous != null) {
                outcomes.add(new UsageChargeOutcome(charge.requestId(), previous.asReplay(), null));
                continue;
            }
            try {
                Movement m = decideCharge(operationId, charge, c.at());
                AccountOperationResult result = m.result(operationId, c.at());
                apply(m.event());
                fresh.add(result);
                recorded.put(operationId, result);
                outcomes.add(new UsageChargeOutcome(charge.requestId(), result, null));
            } catch (DomainException e) {
                outcomes.add(new UsageChargeOutcome(charge.requestId(), null, e.toErrorDetails()));
            }
        }
        return new ChargedBatch(new UsageBatchResult(outcomes), fresh);
    }

    static List<OperationId> usageOperations(ChargeUsageBatchCommand c) {
        return c.charges().stream().map(charge -> usageOperation(charge.requestId())).toList();
    }

    @CommandHandler
    public AccountOperationResult handle(PlaceHoldCommand c, AccountOperations operations) {
        return once(operations, c.operationId(), c.at(), () -> decide(c));
    }

    @CommandHandler
    public AccountOperationResult handle(SettleHoldCommand c, AccountOperations operations) {
        return once(operations, c.operationId(), c.at(), () -> decide(c));
    }

    @CommandHandler
    public AccountOperationResult handle(ReleaseHoldCommand c, AccountOperations operations) {
        return once(operations, c.operationId(), c.at(), () -> decide(c));
    }

    /**
     * Decides and applies one hold step, given the operations already recorded ({@code recorded},
     * which gains the new one): the same answer as the step's own handler. The caller records
     * {@code fresh} in the same transaction ({@link GroupHoldSteps}).
     */
    HoldStepOutcome step(HoldStep step, Map<OperationId, AccountOperationResult> recorded,
                         List<AccountOperationResult> fresh) {
        OperationId operationId = step.operationId();
        AccountOperationResult previous = recorded.get(operationId);
        if (previous != null) {
            return new HoldStepOutcome(previous.asReplay(), null);
        }
        try {
            Movement movement;
            if (step instanceof PlaceHoldCommand place) {
                movement = decide(place);
            } else if (step instanceof SettleHoldCommand settle) {
                movement = decide(settle);
            } else {
                movement = decide((ReleaseHoldCommand) step);
            }
            AccountOperationResult result = movement.result(operationId, step.at());
            apply(movement.event());
            recorded.put(operationId, result);
            fresh.add(result);
            return new HoldStepOutcome(result, null);
        } catch (DomainException refused) {
            return new HoldStepOutcome(null, refused.toErrorDetails());
        }
    }

    private Movement decide(PlaceHoldCommand c) {
        Money amount = nonNegative(c.amount());
        ensureAvailable(amount);
        spendOf(ApiKeyId.valueOf(c.apiKeyId())).ensureWithin(c.keyLimits(), amount, c.at());
        long heldAfter = held + amount.nanos();
        return movement(MovementKind.HOLD, amount, balance, heldAfter, new FundsHeldEvent(accountId, userId, c.holdId(),
                c.apiKeyId(), amount, c.purpose(), money(balance), money(heldAfter), c.at()));
    }

    private Movement decide(SettleHoldCommand c) {
        Hold hold = openHold(c.holdId());
        Money cost = nonNegative(c.amount());
        long coverable = hold.amount() + available();
        long charged = Math.min(cost.nanos(), coverable);
        long heldAfter = held - hold.amount();
        long balanceAfter = balance - charged;
        return movement(MovementKind.SETTLE, money(charged), balanceAfter, heldAfter, new HoldSettledEvent(accountId, userId,
                c.holdId(), c.usage(), money(hold.amount()), money(charged), money(Math.max(0, hold.amount() - charged)),
                money(cost.nanos() - charged), money(balanceAfter), money(heldAfter), c.at()));
    }

    private Movement decide(ReleaseHoldCommand c) {
        Hold hold = openHold(c.holdId());
        long heldAfter = held - hold.amount();
        return movement(MovementKind.RELEASE, money(hold.amount()), balance, heldAfter, new HoldReleasedEvent(accountId, userId,
                c.holdId(), money(hold.amount()), c.reason(), money(heldAfter), c.at()));
    }

    @CommandHandler
    public AccountOperationResult handle(RefundUsageCommand c, AccountOperations operations) {
        AccountOperationResult charge = chargeToRefund(c, operations);
        OperationId chargeId = charge.operationId();
        OperationId operationId = OperationId.of(OperationOrigin.USAGE_REFUND,
                chargeId.origin().code() + ":" + chargeId.id());
        return once(operations, operationId, c.at(), () -> {
            Money amount = positive(c.amount());
            if (amount.exceeds(charge.amount())) {
                throw DomainException.invalid("amount", "exceeds the charge of " + charge.amount().toDecimal());
            }
            long after = balance + amount.nanos();
            return movement(MovementKind.REFUND, amount, after, held, new UsageRefundedEvent(accountId, userId, operationId,
                    chargeId, amount, c.reason(), c.refundedBy(), money(after), c.at()));
        });
    }

    /**
     * The charge a refund names: a call metered through the API ({@code usage}) or a gateway call's
     * settlement; when the refund does not say which and both exist, it must.
     */
    private AccountOperationResult chargeToRefund(RefundUsageCommand c, AccountOperations operations) {
        List<OperationOrigin> origins = c.chargeOrigin() != null ? List.of(c.chargeOrigin())
                : List.of(OperationOrigin.USAGE, OperationOrigin.SETTLEMENT);
        List<AccountOperationResult> found = new ArrayList<>();
        for (OperationOrigin origin : origins) {
            if (origin != OperationOrigin.USAGE && origin != OperationOrigin.SETTLEMENT) {
                throw DomainException.invalid("source", "must be usage or settlement");
            }
            operations.find(accountId, OperationId.of(origin, c.chargeId())).ifPresent(found::add);
        }
        if (found.size() > 1) {
            throw DomainException.invalid("source", "request id " + c.chargeId()
                    + " names both a metered call and a gateway call: say which (usage or settlement)");
        }
        return found.stream().findFirst().orElseThrow(() -> DomainException.notFound("Usage charge " + c.chargeId()));
    }

    @CommandHandler
    public AccountOperationResult handle(DebitPaymentRefundCommand c, AccountOperations operations) {
        OperationId operationId = OperationId.of(OperationOrigin.PAYMENT_REFUND, c.paymentId().value() + ":" + c.refundId().value());
        return once(operations, operationId, c.at(), () -> {
            Money amount = positive(c.amount());
            if (!c.force()) {
                ensureAvailable(amount);
            } else if (c.reason() == null || c.reason().isBlank()) {
                throw DomainException.invalid("reason", "is required to force a refund past the available balance");
            }
            long after = balance - amount.nanos();
            return movement(MovementKind.PAYMENT_REFUND, amount, after, held, new PaymentRefundDebitedEvent(accountId, userId,
                    operationId, c.paymentId(), amount, c.force(), c.reason(), money(after), c.at()));
        });
    }

    @CommandHandler
    public AccountOperationResult handle(AdjustBalanceCommand c, AccountOperations operations) {
        OperationId operationId = OperationId.of(OperationOrigin.ADJUSTMENT, c.adjustmentId());
        return once(operations, operationId, c.at(), () -> {
            Money amount = sameCurrency(c.amount());
            if (amount.isZero()) {
                throw DomainException.invalid("amount", "must not be zero");
            }
            if (amount.isNegative()) {
                ensureAvailable(amount.negate());
            }
            long after = balance + amount.nanos();
            return movement(MovementKind.ADJUSTMENT, amount, after, held, new BalanceAdjustedEvent(accountId, userId,
                    operationId, amount, c.reason(), c.adjustedBy(), money(after), c.at()));
        });
    }

    /**
     * Runs a money movement once per operation id: a replay returns the recorded result, also
     * when the rules would now refuse the movement (the first attempt succeeded).
     */
    private AccountOperationResult once(AccountOperations operations, OperationId operationId, Instant at,
                                        Supplier<Movement> decide) {
        Movement movement;
        try {
            movement = decide.get();
        } catch (DomainException refused) {
            return operations.find(accountId, operationId).map(AccountOperationResult::asReplay)
                    .orElseThrow(() -> refused);
        }
        AccountOperationResult result = movement.result(operationId, at);
        try {
            operations.recordAll(accountId, List.of(result));
        } catch (ConcurrentOperationException alreadyDone) {
            return operations.find(accountId, operationId).map(AccountOperationResult::asReplay)
                    .orElseThrow(() -> alreadyDone);
        }
        apply(movement.event());
        return result;
    }

    private static OperationId usageOperation(String requestId) {
        return OperationId.of(OperationOrigin.USAGE, requestId);
    }

    private Movement decideCharge(OperationId operationId, UsageCharge charge, Instant at) {
        Money amount = nonNegative(charge.amount());
        ensureAvailable(amount);
        spendOf(ApiKeyId.valueOf(charge.usage().apiKeyId())).ensureWithin(charge.keyLimits(), amount, at);
        long after = balance - amount.nanos();
        return movement(MovementKind.CHARGE, amount, after, held, new UsageChargedEvent(accountId, userId, operationId,
                charge.usage(), amount, money(after), at));
    }

    /** The no-overdraft rule: what is not held is all that can be spent or reserved. */
    private void ensureAvailable(Money amount) {
        if (amount.nanos() > available()) {
            throw new DomainException(ErrorCode.BILL_001, "Insufficient balance: " + amount + " needed, "
                    + money(available()) + " available", Map.of("balance", "available " + money(available()).toDecimal()
                    .toPlainString() + " " + currency));
        }
    }

    private Hold openHold(HoldId holdId) {
        Hold hold = holds.get(holdId.value());
        if (hold == null) {
            throw DomainException.notFound("Open hold " + holdId);
        }
        return hold;
    }

    private long available() {
        return balance - held;
    }

    private KeySpend spendOf(String apiKeyId) {
        return apiKeyId == null ? KeySpend.NONE : keySpend.getOrDefault(apiKeyId, KeySpend.NONE);
    }

    private Money sameCurrency(Money amount) {
        if (!amount.currency().equals(currency)) {
            throw DomainException.invalid("currency", "must be " + currency);
        }
        return amount;
    }

    private Money nonNegative(Money amount) {
        if (sameCurrency(amount).isNegative()) {
            throw DomainException.invalid("amount", "must not be negative");
        }
        return amount;
    }

    private Money positive(Money amount) {
        if (!sameCurrency(amount).isPositive()) {
            throw DomainException.invalid("amount", "must be positive");
        }
        return amount;
    }

    private Money money(long nanos) {
        return new Money(nanos, currency);
    }

    private Movement movement(MovementKind kind, Money amount, long balanceAfter, long heldAfter, Object event) {
        return new Movement(kind, amount, money(balanceAfter), money(heldAfter), event);
    }

    /** A decided movement: its recorded result and the event that makes it happen. */
    private record Movement(MovementKind kind, Money amount, Money balanceAfter, Money heldAfter, Object event) {
        AccountOperationResult result(OperationId operationId, Instant at) {
            return new AccountOperationResult(operationId, kind, amount, balanceAfter, heldAfter, at, false);
        }
    }

    @EventSourcingHandler
    void on(AccountOpenedEvent e) {
        accountId = e.accountId();
        userId = e.userId();
        currency = e.currency();
    }

    @EventSourcingHandler
    void on(TopUpCreditedEvent e) {
        balance = e.balanceAfter().nanos();
    }

    @EventSourcingHandler
    void on(AccountCreditedEvent e) {
        balance = e.balanceAfter().nanos();
    }

    @EventSourcingHandler
    void on(UsageChargedEvent e) {
        balance = e.balanceAfter().nanos();
        String key = ApiKeyId.valueOf(e.usage().apiKeyId());
        if (key != null) {
            keySpend.put(key, spendOf(key).charged(e.amount().nanos(), e.at()));
        }
    }

    @EventSourcingHandler
    void on(FundsHeldEvent e) {
        held = e.heldAfter().nanos();
        String key = ApiKeyId.valueOf(e.apiKeyId());
        holds.put(e.holdId().value(), new Hold(e.amount().nanos(), key, e.at()));
        if (key != null) {
            keySpend.put(key, spendOf(key).holding(e.amount().nanos()));
        }
    }

    @EventSourcingHandler
    void on(HoldSettledEvent e) {
        Hold hold = holds.remove(e.holdId().value());
        balance = e.balanceAfter().nanos();
        held = e.heldAfter().nanos();
        if (hold != null && hold.apiKeyId() != null) {
            keySpend.put(hold.apiKeyId(), spendOf(hold.apiKeyId()).holding(-hold.amount())
                    .charged(e.charged().nanos(), e.at()));
        }
    }

    @EventSourcingHandler
    void on(HoldReleasedEvent e) {
        Hold hold = holds.remove(e.holdId().value());
        held = e.heldAfter().nanos();
        if (hold != null && hold.apiKeyId() != null) {
            keySpend.put(hold.apiKeyId(), spendOf(hold.apiKeyId()).holding(-hold.amount()));
        }
    }

    @EventSourcingHandler
    void on(UsageRefundedEvent e) {
        balance = e.balanceAfter().nanos();
    }

    @EventSourcingHandler
    void on(PaymentRefundDebitedEvent e) {
        balance = e.balanceAfter().nanos();
    }

    @EventSourcingHandler
    void on(BalanceAdjustedEvent e) {
        balance = e.balanceAfter().nanos();
    }
}
