package ai.massrouter.gateway;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;

import java.util.Map;

/**
 * A prompt (or prompt plus the completion asked for) longer than the model's context: refused
 * before any hold, as OpenAI refuses it, with its message and {@code code: context_length_exceeded}
 * ({@link ChatCompletionsController} answers it in that shape; elsewhere it is an ERR_001).
 */
public class ContextLengthExceededException extends DomainException {

    public static final String OPENAI_CODE = "context_length_exceeded";

    public ContextLengthExceededException(long contextLength, long promptTokens, Long completionTokens) {
        super(ErrorCode.ERR_001, message(contextLength, promptTokens, completionTokens),
                Map.of("messages", "longer than the model's context of " + contextLength + " tokens"));
    }

    /** OpenAI's own wording for the two cases: the messages alone, or messages and the completion asked for. */
    private static String message(long context, long prompt, Long completion) {
        if (completion == null) {
            return "This model's maximum context length is " + context + " tokens. However, your messages resulted in "
                    + prompt + " tokens. Please reduce the length of the messages.";
        }
        return "This model's maximum context length is " + context + " tokens. However, you requested "
                + (prompt + completion) + " tokens (" + prompt + " in the messages, " + completion
                + " in the completion). Please reduce the length of the messages or completion.";
    }
}
