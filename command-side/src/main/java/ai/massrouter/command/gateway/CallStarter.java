package ai.massrouter.command.gateway;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.model.FindModelQuery;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.command.gateway.ProviderRegistry.Route;
import ai.massrouter.command.gateway.provider.TokenEstimate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that happens before an upstream is asked, in this order: the caller holds an API
 * key, the model exists and is available, one of its routes is configured, and the most the call
 * can cost is held. A refusal at any step has moved no money and reached no upstream.
 */
@Component
public class CallStarter {

    private final QueryGateway queries;
    private final ProviderRegistry providers;
    private final CallBilling billing;
    private final GatewayProperties properties;
    private final Clock clock;

    public CallStarter(QueryGateway queries, ProviderRegistry providers, CallBilling billing,
                       GatewayProperties properties, Clock clock) {
        this.queries = queries;
        this.providers = providers;
        this.billing = billing;
        this.properties = properties;
        this.clock = clock;
    }

    public Started start(String requestId, Caller caller, ChatRequest request) {
        if (!caller.viaApiKey()) {
            throw new DomainException(ErrorCode.ERR_002, "The gateway takes a MassRouter API key (mr-...), "
                    + "not a login token");
        }
        ModelView model = find(request.model()).orElseThrow(() -> new DomainException(ErrorCode.ERR_004,
                "The model " + request.model() + " does not exist", Map.of("model", request.model())));
        if (model.status() != ModelStatus.AVAILABLE) {
            throw new DomainException(ErrorCode.MODEL_001, "The model " + model.id() + " is unavailable",
                    Map.of("model", model.id()));
        }
        List<Route> routes = providers.routes(model);
        long prompt = TokenEstimate.request(request.body());
        GatewayCall call = new GatewayCall(requestId, caller, model, model.pricing(), prompt,
                budget(request, model, prompt), request.choices(), clock.instant());
        billing.hold(call);
        return new Started(call, routes);
    }

    /**
     * The completion budget rule: the client's cap, else the configured default cut to what the
     * context leaves after the prompt. A prompt past the context, or a client's cap that does not fit
     * beside the prompt, is refused as OpenAI refuses it, before any hold (a context length of 0: unknown).
     */
    private long budget(ChatRequest request, ModelView model, long prompt) {
        long context = model.contextLength();
        if (context <= 0) {
            return request.maxTokens() != null ? request.maxTokens() : properties.defaultMaxTokens();
        }
        if (prompt >= context) {
            throw new ContextLengthExceededException(context, prompt, null);
        }
        if (request.maxTokens() != null) {
            if (prompt + request.maxTokens() > context) {
                throw new ContextLengthExceededException(context, prompt, (long) request.maxTokens());
            }
            return request.maxTokens();
        }
        return Math.min(properties.defaultMaxTokens(), context - prompt);
    }

    private Optional<ModelView> find(String id) {
        return queries.query(new FindModelQuery(id), ResponseTypes.optionalInstanceOf(ModelView.class)).join();
    }

    /** A call whose hold is placed, and the routes it may take. */
    public record Started(GatewayCall call, List<Route> routes) {
    }
}
