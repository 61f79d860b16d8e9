package ai.massrouter.app.web;

import jakarta.servlet.RequestDispatcher;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * On the {@code /v1} surface, every error that {@link ErrorAdvice} or the error controller built
 * as an envelope leaves in OpenAI's error shape instead (same status), so the codes are mapped to
 * statuses once and OpenAI's SDKs raise their usual exceptions.
 */
@RestControllerAdvice
public class OpenAiErrorAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ErrorEnvelope envelope && onGatewaySurface(request)) {
            return OpenAiErrors.body(envelope.error().code(), envelope.error().message(), envelope.error().details());
        }
        return body;
    }

    /** An error dispatch ({@code /error}) keeps the path the client asked for in a request attribute. */
    private static boolean onGatewaySurface(ServerHttpRequest request) {
        String path = request.getURI().getPath();
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
            path = original;
        }
        return OpenAiErrors.onGatewaySurface(path);
    }
}
