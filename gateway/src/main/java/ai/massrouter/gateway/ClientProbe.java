package ai.massrouter.gateway;

/**
 * Tells whether the client of a non-streaming call is still there while its upstream works. A
 * blocking servlet learns of a vanished client only by writing to it, so the probe writes: after a
 * grace period it commits the response as 200 JSON and sends a space (JSON allows leading
 * whitespace, as OpenRouter sends it) at each look; a write that fails means the client left.
 */
public interface ClientProbe {

    /** How often the caller should look, in milliseconds. */
    long intervalMillis();

    boolean clientGone();

    /** For calls nobody can leave (tests, internal callers). */
    ClientProbe NONE = new ClientProbe() {
        @Override
        public long intervalMillis() {
            return 1000;
        }

        @Override
        public boolean clientGone() {
            return false;
        }
    };
}
