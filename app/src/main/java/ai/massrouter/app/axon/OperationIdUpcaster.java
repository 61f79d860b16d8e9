package ai.massrouter.app.axon;

import ai.massrouter.api.account.BalanceAdjustedEvent;
import ai.massrouter.api.account.OperationOrigin;
import ai.massrouter.api.account.PaymentRefundDebitedEvent;
import ai.massrouter.api.account.TopUpCreditedEvent;
import ai.massrouter.api.account.UsageChargedEvent;
import ai.massrouter.api.account.UsageRefundedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Revision 1 of the account's money events named their operation by one string, in which the
 * server's own operations carried a prefix ({@code topup:p1}) and a client's did not. Revision 2
 * names it by (origin, id). The origin of an old event is the one its type always had; the
 * prefix, now carried by the origin, is dropped. A refund of revision 1 did not say whether it
 * refunded a metered call or a gateway call; it is read as a metered one (see docs/ledger.md).
 */
@Component
public class OperationIdUpcaster extends SingleEventUpcaster {

    private static final Map<String, UnaryOperator<ObjectNode>> FROM_REVISION_1 = Map.of(
            UsageChargedEvent.class.getName(), e -> origin(e, "operationId", OperationOrigin.USAGE, ""),
            TopUpCreditedEvent.class.getName(), e -> origin(e, "operationId", OperationOrigin.TOPUP, "topup:"),
            PaymentRefundDebitedEvent.class.getName(),
            e -> origin(e, "operationId", OperationOrigin.PAYMENT_REFUND, "payment-refund:"),
            BalanceAdjustedEvent.class.getName(),
            e -> origin(e, "operationId", OperationOrigin.ADJUSTMENT, "adjustment:"),
            UsageRefundedEvent.class.getName(), e -> {
                String charge = e.path("chargeOperationId").asText();
                e.set("operationId", operation(OperationOrigin.USAGE_REFUND, "usage:" + charge));
                return origin(e, "chargeOperationId", OperationOrigin.USAGE, "");
            });

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return "1".equals(representation.getType().getRevision())
                && FROM_REVISION_1.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return representation.upcastPayload(new SimpleSerializedType(type, "2"), JsonNode.class,
                payload -> FROM_REVISION_1.get(type).apply(((ObjectNode) payload).deepCopy()));
    }

    private static ObjectNode origin(ObjectNode event, String field, OperationOrigin origin, String prefix) {
        String id = event.path(field).asText();
        event.set(field, operation(origin, id.startsWith(prefix) ? id.substring(prefix.length()) : id));
        return event;
    }

    private static ObjectNode operation(OperationOrigin origin, String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("origin", origin.code());
        node.put("id", id);
        return node;
    }
}
