package ai.massrouter.gateway;

import ai.massrouter.api.auth.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * {@code POST /v1/embeddings} in OpenAI's wire format, charged by input tokens. The request id
 * ({@code embd-...}) is the {@code X-Request-Id} header and the id of the call's hold, charge and
 * generation record.
 */
@RestController
public class EmbeddingsController {

    private final EmbeddingGateway gateway;

    public EmbeddingsController(EmbeddingGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/v1/embeddings")
    public ObjectNode embed(Caller caller, @RequestBody JsonNode body, HttpServletResponse response) {
        String requestId = "embd-" + UUID.randomUUID().toString().replace("-", "");
        response.setHeader(ChatCompletionsController.REQUEST_ID_HEADER, requestId);
        return gateway.embed(requestId, caller, EmbeddingRequest.of(body));
    }

    @ExceptionHandler(ContextLengthExceededException.class)
    ResponseEntity<ObjectNode> contextLengthExceeded(ContextLengthExceededException e) {
        return ChatCompletionsController.contextLengthExceededBody(e);
    }
}
