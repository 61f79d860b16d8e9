package ai.massrouter.query.live;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.live.LiveUpdate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client connection. Everything sent to it goes through a bounded outbox and is written by
 * asynchronous sends, one at a time: no thread waits on a slow client, and a client that lets the
 * outbox fill up is disconnected ({@link LiveCloses#SLOW_CONSUMER}) instead of growing the heap.
 */
final class LiveConnection {

    private final WebSocketSession session;
    private final jakarta.websocket.Session container;
    private final ObjectMapper json;
    private final ArrayBlockingQueue<String> outbox;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    /** topic to the user whose updates it shows (the caller's own, or for an admin another's billing) */
    final Map<String, String> topics = new ConcurrentHashMap<>();
    volatile Caller caller;
    volatile SubscriptionQueryResult<Boolean, LiveUpdate> subscription;
    volatile ScheduledFuture<?> authTimeout;
    private volatile boolean closed;
    private long seq;

    LiveConnection(WebSocketSession session, ObjectMapper json, int outboxLimit, long sendTimeoutMillis) {
        this.session = session;
        this.json = json;
        this.outbox = new ArrayBlockingQueue<>(outboxLimit);
        this.container = session instanceof NativeWebSocketSession n
                ? n.getNativeSession(jakarta.websocket.Session.class) : null;
        if (container != null) {
            container.getAsyncRemote().setSendTimeout(sendTimeoutMillis);
        }
    }

    boolean authenticated() {
        return caller != null;
    }

    /** A push: numbered in the order it is queued, so that a client sees any gap. */
    synchronized void push(ObjectNode event) {
        event.put("seq", ++seq);
        send(event);
    }

    void send(ObjectNode message) {
        if (closed) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (!outbox.offer(text)) {
            close(LiveCloses.SLOW_CONSUMER, "slow consumer: " + outbox.size() + " messages unsent");
            return;
        }
        pump();
    }

    private void pump() {
        while (!closed && !outbox.isEmpty() && sending.compareAndSet(false, true)) {
            String next = outbox.poll();
            if (next == null) {
                sending.set(false);
                continue;
            }
            if (container == null) {
                sendBlocking(next);
                continue;
            }
            container.getAsyncRemote().sendText(next, result -> {
                sending.set(false);
                if (result.isOK()) {
                    pump();
                } else {
                    close(LiveCloses.SLOW_CONSUMER, "send failed or timed out");
                }
            });
            return;
        }
    }

    private void sendBlocking(String text) {
        try {
            session.sendMessage(new TextMessage(text));
        } catch (IOException e) {
            close(LiveCloses.SLOW_CONSUMER, "send failed");
        } finally {
            sending.set(false);
        }
    }

    void close(CloseStatus status, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        release();
        try {
            session.close(reason == null ? status : status.withReason(LiveCloses.fit(reason)));
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone already
        }
    }

    /** Ends the subscription and the timer; called on every close, by us or by the client. */
    void release() {
        closed = true;
        if (!released.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> timer = authTimeout;
        if (timer != null) {
            timer.cancel(false);
        }
        SubscriptionQueryResult<Boolean, LiveUpdate> s = subscription;
        if (s != null) {
            s.cancel();
        }
        outbox.clear();
    }
}
