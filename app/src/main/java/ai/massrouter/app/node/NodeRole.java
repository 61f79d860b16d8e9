package ai.massrouter.app.node;

/**
 * What a node does ({@code MASSROUTER_ROLES}). Every node keeps the aggregates and their command
 * handlers (with the JDBC event store, commands are handled on the node that sends them, the
 * gateway's holds and settlements included); roles decide which surfaces a node serves and
 * whether it runs the event processors.
 */
public enum NodeRole {
    /** {@code /api/v1} requests that change something (every method but GET and HEAD). */
    COMMAND,
    /** Every event processor: the read models, and the policies and processes that react to events. */
    PROJECTIONS,
    /** {@code /api/v1} GET and HEAD requests, and the {@code /ws} WebSocket. */
    QUERY,
    /** The OpenAI-compatible {@code /v1} surface. */
    GATEWAY
}
