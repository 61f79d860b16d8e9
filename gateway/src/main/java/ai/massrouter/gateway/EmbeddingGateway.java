package ai.massrouter.gateway;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.generation.GenerationOutcome;
import ai.massrouter.gateway.CallStarter.Started;
import ai.massrouter.gateway.ProviderRegistry.Route;
import ai.massrouter.gateway.provider.EmbeddingResult;
import ai.massrouter.gateway.provider.TokenUsage;
import ai.massrouter.gateway.provider.UpstreamException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Routes an embeddings call as {@link ChatGateway} routes a chat completion: the hold for the
 * inputs' estimate, the routes in order with fallback on a retryable failure, then the settlement
 * at the prompt tokens the upstream reported (else the estimate), or the release.
 */
@Service
public class EmbeddingGateway {

    private final CallStarter starter;
    private final CallFinisher finisher;

    EmbeddingGateway(CallStarter starter, CallFinisher finisher) {
        this.starter = starter;
        this.finisher = finisher;
    }

    public ObjectNode embed(String requestId, Caller caller, EmbeddingRequest request) {
        Started started = starter.start(requestId, caller, request);
        GatewayCall call = started.call();
        List<String> failures = new ArrayList<>();
        for (Route route : started.routes()) {
            EmbeddingResult result;
            try {
                result = route.adapter().embed(request.body(), route.upstreamModel());
            } catch (UpstreamException e) {
                if (e.retryable()) {
                    failures.add(e.getMessage());
                    call.trace().routeFailed(route.provider() + ": " + e.getMessage());
                    continue;
                }
                finisher.failed(call, e.getMessage());
                throw e.clientError()
                        ? new DomainException(ErrorCode.ERR_001, "The upstream refused the request: " + e.getMessage())
                        : new DomainException(ErrorCode.UPSTREAM_001, e.getMessage());
            } catch (RuntimeException e) {
                finisher.failed(call, "gateway error: " + e);
                throw e;
            }
            TokenUsage usage = new TokenUsage(result.promptTokens() != null ? result.promptTokens()
                    : call.promptEstimate(), 0);
            Money charged = finisher.charged(call, route.provider(), usage, GenerationOutcome.COMPLETED, null);
            return OpenAiShapes.embeddings(call, result.body(), usage,
                    charged != null ? charged : CallBilling.cost(call, usage));
        }
        String reasons = String.join("; ", failures);
        finisher.failed(call, "every route failed: " + reasons);
        throw new DomainException(ErrorCode.UPSTREAM_001, "Every upstream of " + call.model().id() + " failed: "
                + reasons);
    }
}
