package ai.massrouter.query.live;

import ai.massrouter.api.account.AccountId;
import ai.massrouter.api.account.BalanceView;
import ai.massrouter.api.account.FindBalanceQuery;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.user.UserId;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The server's messages on {@code /ws}, in the shapes of docs/websocket.md. */
@Component
public class LiveMessages {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectMapper json = new ObjectMapper();
    private final QueryGateway queries;

    public LiveMessages(QueryGateway queries) {
        this.queries = queries;
    }

    ObjectNode ack(String action, String topic) {
        ObjectNode ack = NODES.objectNode().put("type", "ack").put("action", action);
        if (topic != null) {
            ack.put("topic", topic);
        }
        return ack;
    }

    ObjectNode authenticated(Caller caller) {
        return ack("auth", null).put("user_id", caller.userId().value()).put("role", caller.role().name()
                .toLowerCase(java.util.Locale.ROOT)).put("api_key_id", caller.apiKeyId());
    }

    /** A client resuming after a gap is told where to read what it missed: pushes are not replayed. */
    ObjectNode subscribed(String topic, String since) {
        ObjectNode ack = ack("subscribe", topic);
        if (since != null) {
            ack.put("resync", switch (topic) {
                case LiveTopics.BILLING -> "/api/v1/billing/transactions?start_date=" + since;
                case LiveTopics.MODEL_USAGE -> "/api/v1/statistics/usage";
                default -> "missed alerts are not replayed";
            });
        }
        return ack;
    }

    ObjectNode error(ErrorCode code, String message, String action, String topic) {
        ObjectNode error = NODES.objectNode().put("type", "error").put("code", code.name()).put("message", message);
        if (action != null) {
            error.put("action", action);
        }
        if (topic != null) {
            error.put("topic", topic);
        }
        return error;
    }

    ObjectNode event(LiveUpdate update) {
        ObjectNode event = NODES.objectNode().put("type", "event").put("topic", update.topic())
                .put("event", update.event()).put("id", update.eventId()).put("at", update.at().toString());
        event.set("data", json.valueToTree(update.data()));
        return event;
    }

    /** The balance as the read model holds it now: the first push after subscribing to billing.updates. */
    CompletableFuture<Optional<ObjectNode>> balanceSnapshot(String userId) {
        return queries.query(new FindBalanceQuery(AccountId.forUser(UserId.of(userId))),
                        ResponseTypes.optionalInstanceOf(BalanceView.class))
                .thenApply(view -> view.map(b -> {
                    ObjectNode event = NODES.objectNode().put("type", "event").put("topic", LiveTopics.BILLING)
                            .put("event", "balance.snapshot").put("id", "snapshot-" + b.accountId())
                            .put("at", String.valueOf(b.updatedAt() == null ? java.time.Instant.now() : b.updatedAt()));
                    event.set("data", NODES.objectNode().put("account_id", b.accountId())
                            .put("available", b.available().toDecimal()).put("on_hold", b.onHold().toDecimal())
                            .put("total", b.total().toDecimal()).put("currency", b.total().currency()));
                    return event;
                }))
                .exceptionally(failure -> Optional.empty());
    }
}
