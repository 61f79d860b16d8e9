package ai.massrouter.gateway;

import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.gateway.ProviderRegistry.Route;
import ai.massrouter.gateway.provider.ChatChunk;
import ai.massrouter.gateway.provider.ChunkStream;
import ai.massrouter.gateway.provider.UpstreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.List;

/**
 * Relays an opened stream to the client and charges it. Once the first chunk is sent there is
 * no fallback: an upstream failure ends the stream with an error event; a client disconnect
 * closes the upstream connection at once. Either way what was delivered is charged; a stream
 * that failed before any output releases its hold.
 */
@Component
class StreamRelay {

    private static final Logger log = LoggerFactory.getLogger(StreamRelay.class);

    private final CallFinisher finisher;

    StreamRelay(CallFinisher finisher) {
        this.finisher = finisher;
    }

    /**
     * {@code opening}: the chunks already read from {@code stream}, sent first. A stream that ends
     * well is charged before its usage chunk is sent, so that chunk carries what the ledger took.
     */
    void relay(GatewayCall call, Route route, ChunkStream stream, List<ChatChunk> opening, boolean includeUsage,
               ChunkSink sink) {
        StreamMeter meter = new StreamMeter(call);
        String failure = null;
        boolean charged = false;
        GenerationOutcome outcome = GenerationOutcome.COMPLETED;
        try (stream) {
            sink.open();
            Iterator<ChatChunk> read = opening.iterator();
            for (ChatChunk chunk = next(read, stream); chunk != null; chunk = next(read, stream)) {
                meter.reported(chunk.usage());
                if (chunk.hasChoice()) {
                    sink.send(OpenAiShapes.chunk(call, chunk));
                    meter.delivered(chunk.delta());
                    if (meter.producedOutput()) {
                        call.trace().outputSent();
                    }
                }
            }
            charged = true;
            Money cost = finisher.charged(call, route.provider(), meter.usage(), outcome, null);
            if (includeUsage) {
                sink.send(OpenAiShapes.usageChunk(call, meter.usage(),
                        cost != null ? cost : CallBilling.cost(call, meter.usage())));
            }
            sink.finish();
        } catch (ClientGoneException gone) {
            log.debug("Client left {} mid-stream; charging what was delivered", call.requestId());
            outcome = GenerationOutcome.CANCELLED;
        } catch (RuntimeException e) {
            failure = e instanceof UpstreamException ? e.getMessage() : "gateway error: " + e;
            if (!(e instanceof UpstreamException)) {
                log.error("Relaying {} failed", call.requestId(), e);
            }
            outcome = GenerationOutcome.INTERRUPTED;
            if (!charged) {
                tellClient(sink, failure);
            }
        }
        if (charged) {
            return;
        }
        if (failure != null && !meter.producedOutput()) {
            finisher.failed(call, failure);
        } else {
            finisher.charged(call, route.provider(), meter.usage(), outcome, failure);
        }
    }

    private static ChatChunk next(Iterator<ChatChunk> opening, ChunkStream stream) {
        return opening.hasNext() ? opening.next() : stream.next();
    }

    private static void tellClient(ChunkSink sink, String failure) {
        try {
            sink.send(OpenAiShapes.error(failure, "upstream_error", ErrorCode.UPSTREAM_001.name()));
        } catch (ClientGoneException alreadyGone) {
            // nobody left to tell
        }
    }
}
