package ai.massrouter.gateway.provider;

/** The chunks of a streamed answer, read one at a time; {@link #close()} cancels the upstream call. */
public interface ChunkStream extends AutoCloseable {

    /** The next chunk, or null when the upstream ended the stream; an {@link UpstreamException} if it broke. */
    ChatChunk next();

    @Override
    void close();
}
