package ai.massrouter.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicTranslationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void request_movesSystemOut_keepsPartsAsBlocks_andAlwaysNamesMaxTokens() throws Exception {
        ObjectNode openAi = (ObjectNode) JSON.readTree("""
                {"model":"x","stop":["A","B"],"user":"u-1","messages":[
                  {"role":"system","content":"Be brief."},{"role":"developer","content":"Be kind."},
                  {"role":"user","content":[{"type":"text","text":"What is this?"},
                    {"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]},
                  {"role":"assistant","content":"A cat."},{"role":"tool","content":"42"}]}""");

        JsonNode out = AnthropicTranslation.request(new UpstreamRequest(openAi, "claude-x", true, 777));

        assertThat(out.path("model").asText()).isEqualTo("claude-x");
        assertThat(out.path("max_tokens").asInt()).isEqualTo(777);
        assertThat(out.path("system").asText()).isEqualTo("Be brief.\n\nBe kind.");
        assertThat(out.path("stream").asBoolean()).isTrue();
        assertThat(out.path("stop_sequences").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(out.path("metadata").path("user_id").asText()).isEqualTo("u-1");
        JsonNode messages = out.path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.path(0).path("content").path(1).path("source").path("url").asText())
                .isEqualTo("https://example.com/a.png");
        assertThat(messages.path(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.path(2).path("role").asText()).as("a tool result goes as user text").isEqualTo("user");
    }

    @Test
    void completion_joinsTextBlocks_mapsTheStopReason_andCountsCachedPromptTokens() throws Exception {
        JsonNode message = JSON.readTree("""
                {"id":"msg_1","type":"message","model":"claude-x","stop_reason":"max_tokens",
                 "content":[{"type":"text","text":"Hel"},{"type":"tool_use","id":"t"},{"type":"text","text":"lo"}],
                 "usage":{"input_tokens":10,"cache_read_input_tokens":5,"cache_creation_input_tokens":1,"output_tokens":7}}""");

        ObjectNode out = AnthropicTranslation.completion(message);

        assertThat(out.path("choices").path(0).path("message").path("content").asText()).isEqualTo("Hello");
        assertThat(out.path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(out.path("usage").path("prompt_tokens").asLong()).isEqualTo(16);
        assertThat(out.path("usage").path("completion_tokens").asLong()).isEqualTo(7);
        assertThat(AnthropicTranslation.finishReason("tool_use")).isEqualTo("tool_calls");
        assertThat(AnthropicTranslation.finishReason("end_turn")).isEqualTo("stop");
    }
}
