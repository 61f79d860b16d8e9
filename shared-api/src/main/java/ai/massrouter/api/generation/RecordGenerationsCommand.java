package ai.massrouter.api.generation;

import java.util.List;

/**
 * Many gateway calls' records in one unit of work and one commit: what the gateway sends for the
 * records that queued while the last ones were written. A failure (one of them recorded already)
 * fails them all, and nothing is written; the gateway then sends each alone.
 */
public record RecordGenerationsCommand(List<RecordGenerationCommand> records) {
}
