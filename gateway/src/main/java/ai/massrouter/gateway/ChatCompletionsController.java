package ai.massrouter.gateway;

import ai.massrouter.api.auth.Caller;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.UUID;

/**
 * {@code POST /v1/chat/completions} in OpenAI's wire format, so that OpenAI's SDKs work with
 * {@code base_url=http://host:8080/v1}. The request id is the response's {@code id}, its
 * {@code X-Request-Id} header (errors included) and the id of the call's hold and charge.
 */
@RestController
public class ChatCompletionsController {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final ChatGateway gateway;
    // plain naming: OpenAI chunks are built as JSON trees, but the mapper must not rename anything
    private final ObjectMapper json = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Duration keepAliveAfter;

    public ChatCompletionsController(ChatGateway gateway, GatewayProperties properties) {
        this.gateway = gateway;
        this.keepAliveAfter = properties.keepAliveAfter();
    }

    @PostMapping("/v1/chat/completions")
    public ResponseEntity<ObjectNode> complete(Caller caller, @RequestBody JsonNode body, HttpServletResponse response) {
        String requestId = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        response.setHeader(REQUEST_ID_HEADER, requestId);
        ChatRequest request = ChatRequest.of(body);
        if (request.stream()) {
            gateway.stream(requestId, caller, request, new SseResponse(response, json));
            return null;
        }
        try {
            return ResponseEntity.ok(gateway.complete(requestId, caller, request,
                    new ServletClientProbe(response, keepAliveAfter)));
        } catch (ClientGoneException gone) {
            return null;
        }
    }

    /** OpenAI's own answer to a prompt past the context, so SDKs and agents recognise it and trim. */
    @ExceptionHandler(ContextLengthExceededException.class)
    ResponseEntity<ObjectNode> contextLengthExceeded(ContextLengthExceededException e) {
        return contextLengthExceededBody(e);
    }

    static ResponseEntity<ObjectNode> contextLengthExceededBody(ContextLengthExceededException e) {
        ObjectNode body = OpenAiShapes.error(e.getMessage(), "invalid_request_error",
                ContextLengthExceededException.OPENAI_CODE);
        ((ObjectNode) body.path("error")).put("param", "messages");
        return ResponseEntity.badRequest().body(body);
    }
}
