package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One way of reaching a model: OpenAI's wire format goes in, OpenAI's wire format comes out,
 * whatever the upstream speaks. A retryable {@link UpstreamException} (no connection, timeout,
 * 5xx) lets the gateway try the next route; anything else ends the call.
 */
public interface ProviderAdapter {

    /** A whole completion ({@code stream: false}). */
    Completion complete(UpstreamRequest request);

    /**
     * Opens a stream: returns once the upstream has accepted the call (status 2xx). Closing the
     * stream closes the upstream connection, which is how a client's disconnect reaches it.
     */
    ChunkStream stream(UpstreamRequest request);

    /**
     * Embeddings ({@code POST /embeddings}) for {@code body}, the client's request with the upstream's
     * model name. An upstream without an embeddings API (Anthropic) fails retryably: another route of
     * the same model may have one.
     */
    default EmbeddingResult embed(ObjectNode body, String upstreamModel) {
        throw new UpstreamException(getClass().getSimpleName() + " has no embeddings API", 0, true, null);
    }
}
