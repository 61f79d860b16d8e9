package ai.massrouter.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a stream's chunks go (the client's connection). Each method throws
 * {@link ClientGoneException} when the client is no longer there.
 */
public interface ChunkSink {

    /** Commits the response as a stream of server-sent events. */
    void open();

    void send(JsonNode chunk);

    /** Ends the stream the OpenAI way: {@code data: [DONE]}. */
    void finish();
}
