package ai.massrouter.app.node;

import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.app.web.ErrorResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * A node answers only the surfaces of its roles; the entry point (load balancer) routes by path
 * and method. A request for a surface this node does not serve is {@code ERR_004} (404), before
 * any credential is looked at, so a misrouted request never reaches a controller. Health and
 * everything outside the API stay served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class NodeRoleFilter extends OncePerRequestFilter {

    private final NodeRoles roles;
    private final ErrorResponder responder;

    public NodeRoleFilter(NodeRoles roles, ErrorResponder responder) {
        this.roles = roles;
        this.responder = responder;
    }

    static NodeRole surfaceOf(String method, String path) {
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            return NodeRole.GATEWAY;
        }
        if (path.equals("/ws") || path.startsWith("/ws/")) {
            return NodeRole.QUERY;
        }
        if (path.equals("/api/v1") || path.startsWith("/api/v1/")) {
            return "GET".equals(method) || "HEAD".equals(method) ? NodeRole.QUERY : NodeRole.COMMAND;
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        NodeRole surface = surfaceOf(request.getMethod(), request.getRequestURI());
        if (surface == null || roles.has(surface)) {
            chain.doFilter(request, response);
            return;
        }
        String role = surface.name().toLowerCase(Locale.ROOT);
        // OpenAI's shape on /v1, the envelope elsewhere
        responder.write(request, response, ErrorCode.ERR_004, "This node does not serve the " + role + " role",
                Map.of("role", role));
    }
}
