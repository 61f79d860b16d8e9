package ai.massrouter.command.account;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.AccountOperationResult;
import ai.massrouter.api.account.ChargeUsageBatchCommand;
import ai.massrouter.api.account.UsageBatchResult;
import ai.massrouter.api.account.UsageCharge;
import ai.massrouter.api.account.UsageChargeOutcome;
import ai.massrouter.api.account.UsageDetails;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.ErrorDetails;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.command.model.PriceList;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Meters calls made elsewhere, priced at each model's current price ({@link PriceList}, the gateway's
 * price list). A batch is charged in one unit of work, with the charges of other requests waiting at the
 * same time ({@link ChargeCoalescer}); each record succeeds or fails on its own and says so.
 */
@RestController
public class UsageController {

    static final int MAX_BATCH = 1000;

    private final ChargeCoalescer charges;
    private final PriceList prices;
    private final Clock clock;
    private final ObjectMapper json;
    private final Validator validator;

    public UsageController(ChargeCoalescer charges, PriceList prices, Clock clock, ObjectMapper json,
                           Validator validator) {
        this.charges = charges;
        this.prices = prices;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
    }

    /**
     * A body with {@code records} is a batch (answered record by record); any other body is one
     * record, whose refusal is the response's error (e.g. 402 BILL_001).
     */
    @PostMapping("/api/v1/billing/usage")
    public Object meter(Caller caller, @RequestBody JsonNode body) throws JsonProcessingException {
        if (body.has("records")) {
            return meter(caller, validated(json.treeToValue(body, UsageBatchRequest.class), "").records());
        }
        RecordResult result = meter(caller, List.of(validated(json.treeToValue(body, UsageRecord.class), ""))).results()
                .get(0);
        if (result.error() != null) {
            throw result.error().toException();
        }
        return result;
    }

    private <T> T validated(T request, String prefix) {
        Map<String, String> details = new TreeMap<>();
        for (ConstraintViolation<T> v : validator.validate(request)) {
            details.put(prefix + snake(v.getPropertyPath().toString()), v.getMessage());
        }
        if (!details.isEmpty()) {
            throw new DomainException(ErrorCode.ERR_001, "Request validation failed: " + String.join(", ",
                    details.keySet()), details);
        }
        return request;
    }

    private static String snake(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private BatchResponse meter(Caller caller, List<UsageRecord> records) {
        Instant now = clock.instant();
        Map<String, Optional<ModelView>> models = new HashMap<>();
        List<UsageCharge> charges = new ArrayList<>();
        Map<Integer, ErrorDetails> refused = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            UsageRecord r = records.get(i);
            ModelView model = models.computeIfAbsent(r.model(), prices::model).orElse(null);
            if (model == null) {
                refused.put(i, new ErrorDetails(ErrorCode.ERR_004, "Unknown model " + r.model(), Map.of("model", r.model())));
            } else if (model.status() != ModelStatus.AVAILABLE) {
                refused.put(i, new ErrorDetails(ErrorCode.MODEL_001, "Model " + r.model() + " is unavailable", Map.of()));
            } else {
                UsageDetails usage = new UsageDetails(caller.userId(), caller.apiKey(), ModelId.of(model.id()), model.provider(),
                        model.category(), r.promptTokens(), r.completionTokens(), model.pricing());
                charges.add(new UsageCharge(r.requestId(), usage,
                        model.pricing().cost(r.promptTokens(), r.completionTokens()), caller.keyLimits()));
            }
        }
        List<UsageChargeOutcome> outcomes = charges.isEmpty() ? List.of() : this.charges.charge(
                new ChargeUsageBatchCommand(AccountId.forUser(caller.userId()), charges, now)).outcomes();
        List<RecordResult> results = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int next = 0;
        for (int i = 0; i < records.size(); i++) {
            ErrorDetails error = refused.get(i);
            if (error != null) {
                results.add(RecordResult.failed(records.get(i).requestId(), error));
                continue;
            }
            UsageChargeOutcome outcome = outcomes.get(next++);
            RecordResult result = outcome.error() != null ? RecordResult.failed(outcome.requestId(), outcome.error())
                    : RecordResult.of(outcome.result());
            if (result.status().equals("charged")) {
                total = total.add(outcome.result().amount().toDecimal());
            }
            results.add(result);
        }
        return new BatchResponse(results, results.stream().filter(r -> r.status().equals("charged")).count(), total);
    }

    public record BatchResponse(List<RecordResult> results, long charged, BigDecimal chargedTotal) {
    }

    /** {@code status}: charged, duplicate (the first result, nothing moved) or failed (with {@code error}). */
    public record RecordResult(String requestId, String status, BigDecimal amount, BigDecimal balanceAfter,
                               String currency, Instant chargedAt, ErrorDetails error) {

        static RecordResult of(AccountOperationResult r) {
            return new RecordResult(r.operationId().id(), r.replayed() ? "duplicate" : "charged", r.amount().toDecimal(),
                    r.balanceAfter().toDecimal(), r.amount().currency(), r.at(), null);
        }

        static RecordResult failed(String requestId, ErrorDetails error) {
            return new RecordResult(requestId, "failed", null, null, null, null, error);
        }
    }
}
