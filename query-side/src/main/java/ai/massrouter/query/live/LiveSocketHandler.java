package ai.massrouter.query.live;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.live.WatchLiveUpdatesQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ws}: authenticates a connection (token in the URL or a first {@code auth} message),
 * answers every client message with an ack or an error, and relays the caller's
 * {@link LiveUpdate}s, which it receives through one subscription query per connection.
 */
@Component
public class LiveSocketHandler extends TextWebSocketHandler implements AutoCloseable {

    private final LiveAuthentication authentication;
    private final QueryGateway queries;
    private final LiveMessages messages;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, LiveConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ws-auth-timeout");
        t.setDaemon(true);
        return t;
    });
    private final Duration authTimeout;
    private final int outboxLimit;
    private final Duration sendTimeout;

    public LiveSocketHandler(LiveAuthentication authentication, QueryGateway queries, LiveMessages messages,
                             @Value("${massrouter.live.auth-timeout:PT5S}") Duration authTimeout,
                             @Value("${massrouter.live.buffer-messages:256}") int outboxLimit,
                             @Value("${massrouter.live.send-timeout:PT10S}") Duration sendTimeout) {
        this.authentication = authentication;
        this.queries = queries;
        this.messages = messages;
        this.authTimeout = authTimeout;
        this.outboxLimit = outboxLimit;
        this.sendTimeout = sendTimeout;
    }

    /** Open connections on this node (for the capacity benchmark and health). */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        LiveConnection connection = new LiveConnection(session, json, outboxLimit, sendTimeout.toMillis());
        connections.put(session.getId(), connection);
        String token = session.getUri() == null ? null
                : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("token");
        if (token != null && !token.isBlank()) {
            authenticate(connection, token);
        } else {
            connection.authTimeout = timer.schedule(() -> {
                if (!connection.authenticated()) {
                    connection.close(LiveCloses.AUTH_TIMEOUT, "ERR_002: not authenticated within "
                            + authTimeout.toMillis() + " ms");
                }
            }, authTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveConnection connection = connections.get(session.getId());
        if (connection == null) {
            return;
        }
        JsonNode request;
        try {
            request = json.readTree(message.getPayload());
        } catch (IOException e) {
            connection.send(messages.error(ErrorCode.ERR_001, "Malformed JSON", null, null));
            return;
        }
        if (request == null || !request.isObject() || !request.path("action").isTextual()) {
            connection.send(messages.error(ErrorCode.ERR_001, "A message is a JSON object with a string \"action\"",
                    null, null));
            return;
        }
        String action = request.path("action").asText();
        switch (action) {
            case "auth" -> auth(connection, request);
            case "ping" -> connection.send(messages.ack("ping", null));
            case "subscribe", "unsubscribe" -> topic(connection, action, request);
            default -> connection.send(messages.error(ErrorCode.ERR_001, "Unknown action; one of auth, subscribe, "
                    + "unsubscribe, ping", action, null));
        }
    }

    private void auth(LiveConnection connection, JsonNode request) {
        if (connection.authenticated()) {
            connection.send(messages.error(ErrorCode.ERR_001, "Already authenticated", "auth", null));
        } else if (!request.path("token").isTextual() || request.path("token").asText().isBlank()) {
            connection.send(messages.error(ErrorCode.ERR_001, "\"token\" must be a JWT or an API key", "auth", null));
        } else {
            authenticate(connection, request.path("token").asText());
        }
    }

    private void authenticate(LiveConnection connection, String token) {
        Caller caller;
        try {
            caller = authentication.authenticate(token);
        } catch (DomainException e) {
            connection.close(LiveCloses.UNAUTHORIZED, e.code().name() + ": " + e.getMessage());
            return;
        }
        connection.caller = caller;
        if (connection.authTimeout != null) {
            connection.authTimeout.cancel(false);
        }
        connection.subscription = queries.subscriptionQuery(new WatchLiveUpdatesQuery(caller.userId(),
                caller.isAdmin()), ResponseTypes.instanceOf(Boolean.class), ResponseTypes.instanceOf(LiveUpdate.class));
        connection.subscription.updates().subscribe(update -> deliver(connection, update),
                failure -> connection.close(LiveCloses.UNAVAILABLE, "live updates stopped on this node; reconnect"));
        connection.send(messages.authenticated(caller));
    }

    private void topic(LiveConnection connection, String action, JsonNode request) {
        String topic = request.path("topic").isTextual() ? request.path("topic").asText() : null;
        if (!connection.authenticated()) {
            connection.send(messages.error(ErrorCode.ERR_002, "Authenticate first", action, topic));
        } else if (topic == null) {
            connection.send(messages.error(ErrorCode.ERR_001, "\"topic\" is required", action, null));
        } else if (!LiveTopics.SUBSCRIBABLE.contains(topic)) {
            connection.send(messages.error(ErrorCode.ERR_001, "Unknown topic; one of billing.updates, model.usage, "
                    + "system.alerts", action, topic));
        } else if ("unsubscribe".equals(action)) {
            connection.topics.remove(topic);
            connection.send(messages.ack(action, topic));
        } else {
            subscribe(connection, topic, request);
        }
    }

    private void subscribe(LiveConnection connection, String topic, JsonNode request) {
        Caller caller = connection.caller;
        String owner = caller.userId().value();
        if (request.hasNonNull("user_id")) {
            String wanted = request.path("user_id").asText();
            if (!LiveTopics.BILLING.equals(topic) || (!caller.isAdmin() && !wanted.equals(owner))) {
                connection.send(messages.error(ErrorCode.ERR_003, "You may watch only your own account",
                        "subscribe", topic));
                return;
            }
            owner = wanted;
        }
        connection.topics.put(topic, owner);
        connection.send(messages.subscribed(topic, request.path("since").asText(null)));
        if (LiveTopics.BILLING.equals(topic)) {
            messages.balanceSnapshot(owner).thenAccept(snapshot -> snapshot.ifPresent(connection::push));
        }
    }

    private void deliver(LiveConnection connection, LiveUpdate update) {
        Caller caller = connection.caller;
        if (LiveTopics.SESSION.equals(update.topic())) {
            boolean own = caller.userId().equals(update.userId());
            if (own && update.apiKeyId() == null) {
                connection.close(LiveCloses.ACCESS_ENDED, "USER_001: user is " + update.data().get("status"));
            } else if (own && update.apiKeyId().equals(caller.apiKeyId())) {
                connection.close(LiveCloses.ACCESS_ENDED, "APIKEY_001: this API key was " + update.event()
                        .substring(update.event().indexOf('.') + 1));
            }
            return;
        }
        String owner = connection.topics.get(update.topic());
        if (owner == null) {
            return;
        }
        if (update.userId() != null && update.audience() == ai.massrouter.api.live.LiveAudience.OWNER
                && !owner.equals(update.userId().value())) {
            return;
        }
        connection.push(messages.event(update));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.release();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LiveConnection connection = connections.remove(session.getId());
        if (connection != null) {
            connection.release();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        connections.values().forEach(c -> c.close(CloseStatus.GOING_AWAY, "server shutting down; reconnect"));
    }
}
