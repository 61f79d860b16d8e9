package ai.massrouter.app.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Wraps what a platform controller returns in the document's envelope, so controllers return
 * plain views. The OpenAI-compatible {@code /v1} surface keeps OpenAI's own format.
 */
@RestControllerAdvice
public class EnvelopeAdvice implements ResponseBodyAdvice<Object> {

    static final String PLATFORM_PREFIX = "/api/";

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return MappingJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof Envelope || body instanceof ErrorEnvelope
                || !request.getURI().getPath().startsWith(PLATFORM_PREFIX)) {
            return body;
        }
        return Envelope.ok(body);
    }
}
