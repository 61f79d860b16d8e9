package ai.massrouter.app.hostile;

import ai.massrouter.app.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 11: admin access rested on a {@code requireAdmin()} call in each controller. Every
 * route Spring maps under {@code /api/v1/admin} (read from the handler mapping, so a route added
 * tomorrow is tested too) is refused to a user's login, to a user's API key and to an
 * administrator's API key with ERR_003, and to an anonymous caller with ERR_002.
 */
class AdminRoutesHostileIT extends HostileIT {

    private static final List<RequestMethod> ANY_METHOD =
            List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private record Route(String method, String path) {
    }

    private List<Route> adminRoutes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/admin")) {
                    continue;
                }
                // {*rest} takes a path with slashes (model ids); {name} one segment
                String path = pattern.replaceAll("\\{\\*[^}]+}", "acme/model-1").replaceAll("\\{[^}]+}", "x_1");
                for (RequestMethod method : methods.isEmpty() ? ANY_METHOD : methods) {
                    routes.add(new Route(method.name(), path));
                }
            }
        }
        return routes;
    }

    @Test
    void everyMappedAdminRoute_refusesUserLoginsAndAnyApiKey_withErr003_andAnonymousWithErr002() {
        List<Route> routes = adminRoutes();
        // users, models, payments, accounts, audit, projections: far more than a handful
        assertThat(routes).hasSizeGreaterThanOrEqualTo(12);

        String userJwt = registerAndGetToken();
        String userKey = createKey(userJwt, Map.of()).path("key").asText();
        String adminKey = createKey(adminToken(), Map.of("name", "admin's program")).path("key").asText();
        Map<String, String> callers = Map.of("user login", userJwt, "user API key", userKey, "admin API key", adminKey);

        for (Route route : routes) {
            String body = "GET".equals(route.method()) || "DELETE".equals(route.method()) ? null : "{}";
            callers.forEach((who, token) -> {
                Response response = api.send(route.method(), route.path(), body, token, Map.of());
                assertThat(response.status()).as(who + " " + route + ": " + response).isEqualTo(403);
                assertThat(response.errorCode()).as(who + " " + route + ": " + response).isEqualTo("ERR_003");
            });
            Response anonymous = api.send(route.method(), route.path(), body, null, Map.of());
            assertThat(anonymous.status()).as("anonymous " + route + ": " + anonymous).isEqualTo(401);
            assertThat(anonymous.errorCode()).as("anonymous " + route + ": " + anonymous).isEqualTo("ERR_002");
        }
    }

    @Test
    void anAdminPathNoControllerMaps_isRefusedByTheChain_notAnswered404() {
        String userJwt = registerAndGetToken();
        // only the security chain can answer 403 here: no controller (and so no requireAdmin()) exists
        assertEnvelopeError(api.get("/api/v1/admin/forgotten-endpoint", userJwt), 403, "ERR_003");
        assertEnvelopeError(api.post("/api/v1/admin/forgotten-endpoint", "{}", null), 401, "ERR_002");
        assertEnvelopeError(api.get("/api/v1/admin/forgotten-endpoint", adminToken()), 404, "ERR_004");
    }
}
