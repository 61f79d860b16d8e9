package ai.massrouter.api.statistics;

/** The event processors of this node with their position in the event log and their lag behind its head. */
public record FindProcessorsQuery() {
}
