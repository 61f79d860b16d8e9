package ai.massrouter.gateway.provider;

import ai.massrouter.api.model.ModelRoute;
import ai.massrouter.api.model.ModelView;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts the tokens of a text where no upstream count exists. OpenAI's models are counted with
 * their own public tokenizer (jtokkit: {@code o200k_base} for GPT-4o, GPT-4.1, GPT-5 and the
 * o-series, {@code cl100k_base} for the older ones and the embedding models); every other model with
 * the documented estimate rule ({@link TokenEstimate#text}). Text containing special-token markers
 * (such as {@code <|endoftext|>}) is counted as plain text, as the upstream would read it.
 */
@FunctionalInterface
public interface TokenCounter {

    TokenCounter ESTIMATE = TokenEstimate::text;

    long text(CharSequence text);

    /**
     * The counter for a catalog model: OpenAI's tokenizer when a route serves one of OpenAI's models
     * (by OpenAI, or under its OpenAI name through OpenRouter or another compatible upstream), else the
     * estimate rule.
     */
    static TokenCounter forModel(ModelView model) {
        for (ModelRoute route : model.routes()) {
            String name = route.upstreamModel().startsWith("openai/") ? route.upstreamModel().substring(7)
                    : route.upstreamModel();
            if (route.provider().equals("openai") || OpenAiTokenizers.isOpenAiModel(name)) {
                return OpenAiTokenizers.forModel(name);
            }
        }
        return ESTIMATE;
    }

    /** OpenAI's encodings, loaded once, on first use. */
    final class OpenAiTokenizers {

        private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

        private OpenAiTokenizers() {
        }

        static TokenCounter forModel(String upstreamModel) {
            Encoding encoding = REGISTRY.getEncoding(o200k(upstreamModel) ? EncodingType.O200K_BASE
                    : EncodingType.CL100K_BASE);
            return text -> encoding.countTokensOrdinary(text.toString());
        }

        static boolean isOpenAiModel(String model) {
            return model.startsWith("gpt-") || model.startsWith("chatgpt-") || model.startsWith("text-embedding-")
                    || model.matches("o\\d.*");
        }

        private static boolean o200k(String model) {
            return model.startsWith("gpt-4o") || model.startsWith("gpt-4.1") || model.startsWith("gpt-4.5")
                    || model.startsWith("gpt-5") || model.startsWith("chatgpt-4o") || model.matches("o\\d.*");
        }
    }
}
