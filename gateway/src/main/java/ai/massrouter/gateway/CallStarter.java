package ai.massrouter.gateway;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.model.ModelCategory;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.api.model.PriceModelQuery;
import ai.massrouter.gateway.ProviderRegistry.Route;
import ai.massrouter.gateway.provider.TokenCounter;
import ai.massrouter.gateway.provider.TokenEstimate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
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

    static final String CHAT = "chat.completions";
    static final String EMBEDDINGS = "embeddings";
    private static final String EMBEDDING = ModelCategory.EMBEDDING.wireName();

    private final BusCalls bus;
    private final ProviderRegistry providers;
    private final CallBilling billing;
    private final GatewayProperties properties;
    private final Clock clock;

    public CallStarter(BusCalls bus, ProviderRegistry providers, CallBilling billing,
                       GatewayProperties properties, Clock clock) {
        this.bus = bus;
        this.providers = providers;
        this.billing = billing;
        this.properties = properties;
        this.clock = clock;
    }

    public Started start(String requestId, Caller caller, ChatRequest request) {
        ModelView model = available(caller, request.model());
        if (EMBEDDING.equals(model.category())) {
            throw DomainException.invalid("model", model.id() + " is an embedding model: call /v1/embeddings");
        }
        List<Route> routes = providers.routes(model);
        TokenCounter tokens = TokenCounter.forModel(model);
        long prompt = TokenEstimate.request(request.body(), tokens);
        GatewayCall call = new GatewayCall(requestId, caller, CHAT, model, model.pricing(), prompt,
                budget(request, model, prompt), request.choices(), request.stream(), clock.instant(), new CallTrace(),
                tokens);
        billing.hold(call);
        return new Started(call, routes);
    }

    /**
     * An embeddings call: the model must be an embedding model, each input must fit its context, and
     * the hold is the inputs' estimate at the input price (an embedding has no completion).
     */
    public Started start(String requestId, Caller caller, EmbeddingRequest request) {
        ModelView model = available(caller, request.model());
        if (!EMBEDDING.equals(model.category())) {
            throw DomainException.invalid("model", model.id() + " is not an embedding model");
        }
        List<Route> routes = providers.routes(model);
        TokenCounter tokens = TokenCounter.forModel(model);
        long prompt = 0;
        for (String text : request.texts()) {
            prompt += fitting(model, tokens.text(text));
        }
        for (int ids : request.tokenCounts()) {
            prompt += fitting(model, ids);
        }
        GatewayCall call = new GatewayCall(requestId, caller, EMBEDDINGS, model, model.pricing(), prompt, 0, 1, false,
                clock.instant(), new CallTrace(), tokens);
        billing.hold(call);
        return new Started(call, routes);
    }

    private static long fitting(ModelView model, long inputTokens) {
        if (model.contextLength() > 0 && inputTokens > model.contextLength()) {
            throw new ContextLengthExceededException(model.contextLength(), inputTokens, null);
        }
        return inputTokens;
    }

    /** The caller holds an API key, the model exists and is available. */
    private ModelView available(Caller caller, String modelId) {
        if (!caller.viaApiKey()) {
            throw new DomainException(ErrorCode.ERR_002, "The gateway takes a MassRouter API key (mr-...), "
                    + "not a login token");
        }
        ModelView model = find(modelId).orElseThrow(() -> new DomainException(ErrorCode.ERR_004,
                "The model " + modelId + " does not exist", Map.of("model", modelId)));
        if (model.status() != ModelStatus.AVAILABLE) {
            throw new DomainException(ErrorCode.MODEL_001, "The model " + model.id() + " is unavailable",
                    Map.of("model", model.id()));
        }
        return model;
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
        return bus.query(new PriceModelQuery(ModelId.of(id)), ResponseTypes.optionalInstanceOf(ModelView.class));
    }

    /** A call whose hold is placed, and the routes it may take. */
    public record Started(GatewayCall call, List<Route> routes) {
    }
}
