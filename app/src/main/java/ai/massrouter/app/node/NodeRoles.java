package ai.massrouter.app.node;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles of this node, from {@code massrouter.roles} (default: all). An unknown role stops the start. */
@Component
public class NodeRoles {

    private final Set<NodeRole> roles;

    public NodeRoles(@Value("${massrouter.roles}") Set<String> names) {
        this.roles = parse(names);
    }

    static Set<NodeRole> parse(Set<String> names) {
        EnumSet<NodeRole> parsed = EnumSet.noneOf(NodeRole.class);
        for (String name : names) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                parsed.add(NodeRole.valueOf(trimmed.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown node role '" + trimmed
                        + "' in MASSROUTER_ROLES; known: command, projections, query, gateway", e);
            }
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("MASSROUTER_ROLES names no role: a node must have at least one");
        }
        return parsed;
    }

    public boolean has(NodeRole role) {
        return roles.contains(role);
    }

    public Set<NodeRole> all() {
        return EnumSet.copyOf(roles);
    }
}
