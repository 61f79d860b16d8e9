package ai.massrouter.projections.support;

import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelAddedEvent;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPriceChangedEvent;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelRoute;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.redemption.RedemptionBatchId;
import ai.massrouter.api.redemption.RedemptionCodeCreatedEvent;
import ai.massrouter.api.redemption.RedemptionCodeId;
import ai.massrouter.api.redemption.RedemptionCodeRedeemedEvent;
import ai.massrouter.api.user.UserId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What administrators write, as the command side logs it: models added and repriced (a price at
 * a time, some with a cache-read price), and batches of redemption codes issued and then partly
 * redeemed, the batches' events interleaved with the price changes.
 */
public final class CatalogLog {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId ADMIN = UserId.of("usr_admin");

    private CatalogLog() {
    }

    public static List<EventMessage<?>> of(int models, int changesPerModel, int batches, int codesPerBatch) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int m = 0; m < models; m++) {
            ModelId id = ModelId.of("test/model-" + m);
            events.add(event("model:" + id.value(), 0, new ModelAddedEvent(id, "Model " + m, "test", "chat", "", 4096,
                    pricing(m, 0), List.of(new ModelRoute("mock", "echo")), ModelStatus.AVAILABLE, ADMIN, START)));
        }
        for (int b = 0; b < batches; b++) {
            for (int c = 0; c < codesPerBatch; c++) {
                RedemptionCodeId code = RedemptionCodeId.ofCode("MR-" + b + "-" + c);
                events.add(event(code.value(), 0, new RedemptionCodeCreatedEvent(code, RedemptionBatchId.of("rcb_" + b),
                        Money.of(5 + b, "CNY"), b % 2 == 0 ? null : START.plus(Duration.ofDays(30)), ADMIN,
                        START.plus(Duration.ofMinutes(b)))));
            }
        }
        for (int change = 1; change <= changesPerModel; change++) {
            for (int m = 0; m < models; m++) {
                ModelId id = ModelId.of("test/model-" + m);
                events.add(event("model:" + id.value(), change, new ModelPriceChangedEvent(id, pricing(m, change - 1),
                        pricing(m, change), ADMIN, START.plus(Duration.ofHours(change)))));
            }
            // a code of each batch is redeemed between two rounds of price changes
            for (int b = 0; b < batches && change <= codesPerBatch; b++) {
                RedemptionCodeId code = RedemptionCodeId.ofCode("MR-" + b + "-" + (change - 1));
                events.add(event(code.value(), 1, new RedemptionCodeRedeemedEvent(code,
                        RedemptionBatchId.of("rcb_" + b), UserId.of("usr_" + change), Money.of(5 + b, "CNY"),
                        START.plus(Duration.ofHours(change)))));
            }
        }
        return events;
    }

    /** The model's price at its {@code step}-th change: every other one names a cache-read price. */
    private static ModelPricing pricing(int model, int step) {
        Money input = Money.of(1 + model + step, "CNY");
        Money output = Money.of(2 + model + step, "CNY");
        return new ModelPricing(input, output, step % 2 == 1 ? Money.of(1, "CNY") : null);
    }

    private static EventMessage<?> event(String aggregateId, long sequence, Object payload) {
        String type = payload.getClass().getSimpleName().startsWith("Model") ? "ModelAggregate" : "RedemptionCodeAggregate";
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }
}
