package ai.massrouter.app.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK, unchanged, with {@code base_url=http://localhost:<port>/v1} and a MassRouter key. */
class GatewaySdkIT extends GatewayIT {

    private OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().apiKey(key).baseUrl("http://localhost:" + port + "/v1").maxRetries(0)
                .build();
    }

    private static ChatCompletionCreateParams.Builder params(String model) {
        return ChatCompletionCreateParams.builder().model(model).addSystemMessage("Be brief.")
                .addUserMessage("Say hello").maxCompletionTokens(100);
    }

    @Test
    void sdk_nonStreaming() {
        Consumer consumer = consumer("10.00");
        String model = model("2.00", "8.00", "local-a", "fail500", "local-b", "ok");

        ChatCompletion completion = client(consumer.key()).chat().completions().create(params(model).build());

        completion.validate();
        assertThat(completion.choices().get(0).message().content()).contains(LocalOpenAiServer.REPLY);
        assertThat(completion.model()).isEqualTo(model);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(LocalOpenAiServer.COMPLETION_TOKENS);
        assertThat(charge(consumer, completion.id()).path("amount").decimalValue()).isEqualByComparingTo(
                cost("2.00", LocalOpenAiServer.PROMPT_TOKENS, "8.00", LocalOpenAiServer.COMPLETION_TOKENS).negate());
    }

    @Test
    void sdk_streaming_withUsage() {
        Consumer consumer = consumer("10.00");
        String model = model("2.00", "8.00", "local-claude", "claude-test");
        StringBuilder text = new StringBuilder();
        List<ChatCompletionChunk> chunks = new ArrayList<>();

        try (StreamResponse<ChatCompletionChunk> stream = client(consumer.key()).chat().completions().createStreaming(
                params(model).streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunk.validate();
                chunks.add(chunk);
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
            });
        }

        assertThat(text.toString()).isEqualTo(String.join("", LocalAnthropicServer.PIECES));
        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.usage().orElseThrow().promptTokens()).isEqualTo(LocalAnthropicServer.INPUT_TOKENS);
        assertThat(charge(consumer, last.id()).path("amount").decimalValue()).isEqualByComparingTo(
                cost("2.00", LocalAnthropicServer.INPUT_TOKENS, "8.00", LocalAnthropicServer.OUTPUT_TOKENS).negate());
    }

    @Test
    void sdk_seesOpenAiErrors_andListsModels() {
        Consumer consumer = consumer(null);
        OpenAIClient client = client(consumer.key());

        assertThatThrownBy(() -> client.chat().completions().create(params("nobody/nothing").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> client.chat().completions().create(params("mock/echo").build()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(402));
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).contains("mock/echo", "mock/lorem");
    }
}
