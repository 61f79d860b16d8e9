package ai.massrouter.command.gateway;

import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.command.gateway.ProviderRegistry.Route;
import ai.massrouter.command.gateway.provider.ChatChunk;
import ai.massrouter.command.gateway.provider.ChunkStream;
import ai.massrouter.command.gateway.provider.UpstreamException;
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

    private final CallBilling billing;

    StreamRelay(CallBilling billing) {
        this.billing = billing;
    }

    /** {@code opening}: the chunks already read from {@code stream}, sent first. */
    void relay(GatewayCall call, Route route, ChunkStream stream, List<ChatChunk> opening, boolean includeUsage,
               ChunkSink sink, UpstreamTimer timer) {
        StreamMeter meter = new StreamMeter(call.promptEstimate());
        String failure = null;
        try (stream) {
            sink.open();
            Iterator<ChatChunk> read = opening.iterator();
            for (ChatChunk chunk = next(read, stream); chunk != null; chunk = next(read, stream)) {
                meter.reported(chunk.usage());
                if (chunk.hasChoice()) {
                    sink.send(OpenAiShapes.chunk(call, chunk));
                    meter.delivered(chunk.delta());
                }
            }
            timer.done();
            if (includeUsage) {
                sink.send(OpenAiShapes.usageChunk(call, meter.usage()));
            }
            sink.finish();
        } catch (ClientGoneException gone) {
            log.debug("Client left {} mid-stream; charging what was delivered", call.requestId());
        } catch (RuntimeException e) {
            failure = e instanceof UpstreamException ? e.getMessage() : "gateway error: " + e;
            if (!(e instanceof UpstreamException)) {
                log.error("Relaying {} failed", call.requestId(), e);
            }
            tellClient(sink, failure);
        }
        if (failure != null && !meter.producedOutput()) {
            billing.release(call, failure);
        } else {
            billing.settle(call, route.provider(), meter.usage(), timer.timings());
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
