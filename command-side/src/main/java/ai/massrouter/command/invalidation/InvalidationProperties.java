package ai.massrouter.command.invalidation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code massrouter.node-cache.*}: whether nodes cache what authentication reads (API keys, users'
 * role and status), how often each node proves to itself that it still hears every change
 * ({@code ping}), and how long such a proof holds ({@code lease}: the longest a change may wait for
 * a node that stopped answering, and the longest a node serves from a cache it cannot prove fresh).
 */
@ConfigurationProperties("massrouter.node-cache")
public record InvalidationProperties(@DefaultValue("true") boolean enabled,
                                     @DefaultValue("200ms") Duration ping,
                                     @DefaultValue("1s") Duration lease) {
}
