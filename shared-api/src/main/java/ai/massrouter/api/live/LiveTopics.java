package ai.massrouter.api.live;

import java.util.Set;

/** The topics a WebSocket client may subscribe to, and the internal one that ends sessions. */
public final class LiveTopics {

    public static final String BILLING = "billing.updates";
    public static final String MODEL_USAGE = "model.usage";
    public static final String ALERTS = "system.alerts";
    /** Never subscribed to: a suspension or a revoked key that closes the connections it concerns. */
    public static final String SESSION = "session";

    public static final Set<String> SUBSCRIBABLE = Set.of(BILLING, MODEL_USAGE, ALERTS);

    private LiveTopics() {
    }
}
