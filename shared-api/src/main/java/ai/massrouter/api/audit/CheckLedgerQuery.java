package ai.massrouter.api.audit;

/** Recomputes every account's balance from the whole event log and compares it with the read model. */
public record CheckLedgerQuery() {
}
