package ai.massrouter.app.security;

import ai.massrouter.app.caller.CallerAuthentication;
import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A controller parameter of type {@link Caller} makes its endpoint require authentication.
 * Every method but GET and HEAD changes something, so it needs the {@code write} permission
 * (which a JWT always has and a read-only API key lacks).
 */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication callerAuthentication) {
            Caller caller = callerAuthentication.getPrincipal();
            String method = webRequest.getNativeRequest(HttpServletRequest.class).getMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                caller.requireWrite();
            }
            return caller;
        }
        Object failure = webRequest.getAttribute(BearerAuthenticationFilter.AUTH_FAILURE, RequestAttributes.SCOPE_REQUEST);
        if (failure instanceof DomainException e) {
            throw e;
        }
        throw new DomainException(ErrorCode.ERR_002, "Authentication required: send Authorization: Bearer <token>");
    }
}
