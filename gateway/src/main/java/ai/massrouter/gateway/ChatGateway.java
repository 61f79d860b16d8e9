package ai.massrouter.gateway;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.api.model.ModelCategory;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.gateway.CallStarter.Started;
import ai.massrouter.gateway.ProviderRegistry.Route;
import ai.massrouter.gateway.provider.ChatChunk;
import ai.massrouter.gateway.provider.ChunkStream;
import ai.massrouter.gateway.provider.Completion;
import ai.massrouter.gateway.provider.TokenEstimate;
import ai.massrouter.gateway.provider.TokenUsage;
import ai.massrouter.gateway.provider.UpstreamException;
import ai.massrouter.gateway.provider.UpstreamRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes a chat completion: tries the model's routes in order, moving to the next on a
 * retryable failure (no connection, timeout, 5xx) as long as nothing has reached the client,
 * then settles the hold at the usage, or releases it when every route failed.
 */
@Service
public class ChatGateway {

    private static final int MAX_OPENING_CHUNKS = 16;

    private final CallStarter starter;
    private final CallFinisher finisher;
    private final StreamRelay relay;
    private final WatchedUpstream watched;
    private final UpstreamTimer timer;

    ChatGateway(CallStarter starter, CallFinisher finisher, StreamRelay relay, WatchedUpstream watched,
                UpstreamTimer timer) {
        this.starter = starter;
        this.finisher = finisher;
        this.relay = relay;
        this.watched = watched;
        this.timer = timer;
    }

    /**
     * A whole answer. While the upstream works, {@code probe} watches the client: one that left
     * cancels the upstream call, which is charged its prompt estimate (the upstream reported nothing),
     * and {@link ClientGoneException} is thrown, with nobody left to answer.
     */
    public ObjectNode complete(String requestId, Caller caller, ChatRequest request, ClientProbe probe) {
        Started started = starter.start(requestId, caller, request);
        GatewayCall call = started.call();
        List<String> failures = new ArrayList<>();
        for (Route route : started.routes()) {
            Completion completion;
            call.trace().routeAsked();
            try {
                completion = watched.call(() -> timer.time(route.provider(),
                        () -> route.adapter().complete(upstream(request, route, call))), probe);
            } catch (ClientGoneException gone) {
                finisher.charged(call, route.provider(), new TokenUsage(call.promptEstimate(), 0),
                        GenerationOutcome.CANCELLED, "the client left before the answer");
                throw gone;
            } catch (UpstreamException e) {
                if (e.retryable()) {
                    failures.add(e.getMessage());
                    call.trace().routeFailed(route.provider() + ": " + e.getMessage());
                    continue;
                }
                throw failed(call, e);
            } catch (RuntimeException e) {
                finisher.failed(call, "gateway error: " + e);
                throw e;
            }
            TokenUsage usage = completion.usage() != null ? completion.usage() : counted(call, completion.body());
            Money charged = finisher.charged(call, route.provider(), usage, GenerationOutcome.COMPLETED, null);
            return OpenAiShapes.completion(call, completion.body(), usage,
                    charged != null ? charged : CallBilling.cost(call, usage));
        }
        throw allFailed(call, failures);
    }

    public void stream(String requestId, Caller caller, ChatRequest request, ChunkSink sink) {
        Started started = starter.start(requestId, caller, request);
        GatewayCall call = started.call();
        List<String> failures = new ArrayList<>();
        for (Route route : started.routes()) {
            ChunkStream[] opened = new ChunkStream[1];
            ChunkStream stream;
            List<ChatChunk> opening;
            call.trace().routeAsked();
            try {
                // read up to the first token before committing to this route: a failure until then may fall back
                opening = timer.time(route.provider(), () -> {
                    opened[0] = route.adapter().stream(upstream(request, route, call));
                    return opening(opened[0]);
                });
                stream = opened[0];
            } catch (UpstreamException e) {
                close(opened[0]);
                if (e.retryable()) {
                    failures.add(e.getMessage());
                    call.trace().routeFailed(route.provider() + ": " + e.getMessage());
                    continue;
                }
                throw failed(call, e);
            } catch (RuntimeException e) {
                close(opened[0]);
                finisher.failed(call, "gateway error: " + e);
                throw e;
            }
            relay.relay(call, route, stream, opening, request.includeUsage(), sink);
            return;
        }
        throw allFailed(call, failures);
    }

    /**
     * The chunks up to and including the first that carries output (text, a tool call, a finish
     * reason or usage): a role-only chunk holds no token, so a failure right after it (Anthropic's
     * overloaded error after message_start) still falls back. Bounded, for an upstream that only
     * ever sends empty chunks.
     */
    private static List<ChatChunk> opening(ChunkStream stream) {
        List<ChatChunk> opening = new ArrayList<>();
        for (ChatChunk chunk = stream.next(); chunk != null; chunk = stream.next()) {
            opening.add(chunk);
            if (chunk.finishReason() != null || chunk.usage() != null
                    || !TokenEstimate.deltaText(chunk.delta()).isEmpty() || opening.size() >= MAX_OPENING_CHUNKS) {
                break;
            }
        }
        return opening;
    }

    private static UpstreamRequest upstream(ChatRequest request, Route route, GatewayCall call) {
        return new UpstreamRequest(request.body(), route.upstreamModel(), request.stream(),
                (int) Math.min(Integer.MAX_VALUE, call.completionBudget()),
                ModelCategory.REASONING.wireName().equals(call.model().category()));
    }

    /** Usage when the upstream reported none: the prompt estimate and the answer's text, counted. */
    private static TokenUsage counted(GatewayCall call, JsonNode body) {
        long completion = 0;
        for (JsonNode choice : body.path("choices")) {
            completion += call.tokens().text(TokenEstimate.deltaText(choice.path("message")));
        }
        return new TokenUsage(call.promptEstimate(), completion);
    }

    private DomainException failed(GatewayCall call, UpstreamException e) {
        finisher.failed(call, e.getMessage());
        return e.clientError()
                ? new DomainException(ErrorCode.ERR_001, "The upstream refused the request: " + e.getMessage())
                : new DomainException(ErrorCode.UPSTREAM_001, e.getMessage());
    }

    private DomainException allFailed(GatewayCall call, List<String> failures) {
        String reasons = String.join("; ", failures);
        finisher.failed(call, "every route failed: " + reasons);
        return new DomainException(ErrorCode.UPSTREAM_001, "Every upstream of " + call.model().id() + " failed: "
                + reasons);
    }

    private static void close(ChunkStream stream) {
        if (stream != null) {
            stream.close();
        }
    }
}
