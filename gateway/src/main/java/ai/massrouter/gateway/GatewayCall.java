package ai.massrouter.gateway;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.model.ModelPricing;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.gateway.provider.TokenCounter;

import java.time.Instant;

/**
 * One call through the gateway, fixed when it starts: its request id (also the hold's id, so the
 * idempotency id of its money movements), who calls, the endpoint ({@code chat.completions},
 * {@code embeddings}), the model and the unit prices read then (the call is settled at these even
 * if the price changes meanwhile), the prompt estimate and the completion budget (per answer: the
 * cap the upstream gets), the number of answers asked for, whether it streams, its trace, and how
 * its text is counted where the upstream reports no usage ({@link TokenCounter}).
 */
public record GatewayCall(String requestId, Caller caller, String endpoint, ModelView model, ModelPricing pricing,
                          long promptEstimate, long completionBudget, int choices, boolean streamed,
                          Instant startedAt, CallTrace trace, TokenCounter tokens) {

    public long created() {
        return startedAt.getEpochSecond();
    }
}
