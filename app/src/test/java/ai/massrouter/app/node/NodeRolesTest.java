package ai.massrouter.app.node;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeRolesTest {

    @Test
    void roles_areParsedCaseInsensitively_andUnknownOrNoRolesStopTheStart() {
        assertThat(new NodeRoles(Set.of(" Gateway", "query")).all()).containsExactlyInAnyOrder(NodeRole.GATEWAY, NodeRole.QUERY);
        assertThatThrownBy(() -> new NodeRoles(Set.of("gateway", "billing"))).hasMessageContaining("billing");
        assertThatThrownBy(() -> new NodeRoles(Set.of(" "))).hasMessageContaining("no role");
    }

    @Test
    void surfaces_followPathAndMethod() {
        assertThat(NodeRoleFilter.surfaceOf("POST", "/v1/chat/completions")).isEqualTo(NodeRole.GATEWAY);
        assertThat(NodeRoleFilter.surfaceOf("GET", "/v1")).isEqualTo(NodeRole.GATEWAY);
        assertThat(NodeRoleFilter.surfaceOf("GET", "/v1beta")).isNull();
        assertThat(NodeRoleFilter.surfaceOf("GET", "/api/v1/users/me")).isEqualTo(NodeRole.QUERY);
        assertThat(NodeRoleFilter.surfaceOf("HEAD", "/api/v1/models")).isEqualTo(NodeRole.QUERY);
        assertThat(NodeRoleFilter.surfaceOf("POST", "/api/v1/billing/usage")).isEqualTo(NodeRole.COMMAND);
        assertThat(NodeRoleFilter.surfaceOf("DELETE", "/api/v1/users/me/api-keys/k")).isEqualTo(NodeRole.COMMAND);
        assertThat(NodeRoleFilter.surfaceOf("GET", "/ws")).isEqualTo(NodeRole.QUERY);
        assertThat(NodeRoleFilter.surfaceOf("GET", "/actuator/health")).isNull();
    }
}
