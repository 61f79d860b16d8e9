package ai.massrouter.command.gateway;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelView;

import java.time.Instant;

/**
 * One call through the gateway, fixed when it starts: its request id (also the hold's id, so the
 * idempotency id of its money movements), who calls, the model and the unit prices read then
 * (the call is settled at these even if the price changes meanwhile), the prompt estimate and
 * the completion budget (per answer: the cap the upstream gets) and the number of answers asked for.
 */
public record GatewayCall(String requestId, Caller caller, ModelView model, ModelPricing pricing,
                          long promptEstimate, long completionBudget, int choices, Instant startedAt) {

    public long created() {
        return startedAt.getEpochSecond();
    }
}
