package ai.massrouter.api.statistics;

/** {@code position}: the global index the slowest segment reached; {@code lag}: events behind the log's head. */
public record ProcessorView(String name, boolean replayable, boolean running, boolean replaying, int segments,
                            long position, long lag) {
}
