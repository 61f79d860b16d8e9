package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The token estimate rule, used where no upstream count exists: the prompt's share of a hold, a
 * stream cut off before the upstream reported usage, and the offline mock's counts.
 * Text: one token per CJK character (Han, kana, hangul), one per 4 other characters, rounded up.
 * Prompt: 3 tokens to prime the reply, plus per message 4 tokens and its text; an image part
 * counts 85 tokens (OpenAI's low-detail price). A request adds the text of its tool definitions
 * and response schema, which upstreams bill as prompt. It is an estimate: usage reported by an
 * upstream always wins.
 */
public final class TokenEstimate {

    static final int PER_MESSAGE = 4;
    static final int REPLY_PRIMER = 3;
    static final int PER_IMAGE = 85;

    private TokenEstimate() {
    }

    public static long text(CharSequence text) {
        long cjk = 0;
        long other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                cjk++;
            } else {
                other++;
            }
        }
        return cjk + (other + 3) / 4;
    }

    /** A chat request's prompt: its messages, and the tools and response format sent with them. */
    public static long request(JsonNode body) {
        return request(body, TokenCounter.ESTIMATE);
    }

    /** The same structure, its text counted by {@code counter} (a model's own tokenizer, where public). */
    public static long request(JsonNode body, TokenCounter counter) {
        long tokens = prompt(body.path("messages"), counter);
        for (String field : new String[]{"tools", "functions", "response_format"}) {
            if (body.path(field).isContainerNode()) {
                tokens += counter.text(body.path(field).toString());
            }
        }
        return tokens;
    }

    public static long prompt(JsonNode messages) {
        return prompt(messages, TokenCounter.ESTIMATE);
    }

    public static long prompt(JsonNode messages, TokenCounter counter) {
        long tokens = REPLY_PRIMER;
        for (JsonNode message : messages) {
            tokens += PER_MESSAGE + counter.text(message.path("role").asText(""));
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                tokens += counter.text(content.asText());
            } else {
                for (JsonNode part : content) {
                    tokens += part.path("type").asText().equals("text") ? counter.text(part.path("text").asText())
                            : PER_IMAGE;
                }
            }
            if (message.has("tool_calls")) {
                tokens += counter.text(message.path("tool_calls").toString());
            }
        }
        return tokens;
    }

    /** The text a streamed delta carries: content, reasoning and tool-call arguments all cost output tokens. */
    public static String deltaText(JsonNode delta) {
        if (delta == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (delta.path("content").isTextual()) {
            text.append(delta.path("content").asText());
        }
        if (delta.path("reasoning_content").isTextual()) {
            text.append(delta.path("reasoning_content").asText());
        }
        for (JsonNode call : delta.path("tool_calls")) {
            text.append(call.path("function").path("name").asText("")).append(call.path("function").path("arguments")
                    .asText(""));
        }
        return text.toString();
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
