package ai.massrouter.app.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.models.Model;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** An agent's loop through the SDK, on Claude: the tool call comes back, its result goes in, the answer uses it. */
    @Test
    void sdk_toolCallRoundTrip_onAnAnthropicRoute_andStreamed() {
        Consumer consumer = consumer("10.00");
        String model = model("3.00", "15.00", "local-claude", "claude-tools");
        OpenAIClient client = client(consumer.key());
        ChatCompletionFunctionTool weather = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").description("Current weather in a city").parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .build()).build()).build();
        ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder().model(model)
                .addUserMessage("Weather in Paris?").addTool(weather).toolChoice(ChatCompletionToolChoiceOption.Auto.AUTO)
                .build();

        ChatCompletion first = client.chat().completions().create(ask);

        first.validate();
        ChatCompletionMessage message = first.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call = message.toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).contains("Paris");
        assertThat(first.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);

        ChatCompletion second = client.chat().completions().create(ask.toBuilder().addMessage(message)
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("18 degrees").build())
                .build());

        assertThat(second.choices().get(0).message().content()).contains(LocalAnthropicServer.TOOL_ANSWER_PREFIX
                + "18 degrees");
        // usage.cost is an extra field OpenAI's SDK keeps: what the ledger charged
        assertThat(new java.math.BigDecimal(second.usage().orElseThrow()._additionalProperties().get("cost").toString()))
                .isEqualByComparingTo(charge(consumer, second.id()).path("amount").decimalValue().negate());

        StringBuilder arguments = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(ask)) {
            stream.stream().forEach(chunk -> {
                chunk.validate();
                chunk.choices().forEach(c -> c.delta().toolCalls().ifPresent(calls -> calls.forEach(
                        t -> t.function().flatMap(f -> f.arguments()).ifPresent(arguments::append))));
            });
        }
        assertThat(arguments.toString()).isEqualTo(LocalAnthropicServer.TOOL_INPUT);
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
