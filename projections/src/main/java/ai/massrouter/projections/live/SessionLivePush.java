package ai.massrouter.projections.live;

import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import ai.massrouter.api.user.UserStatus;
import ai.massrouter.api.user.UserStatusChangedEvent;
import ai.massrouter.projections.user.UserProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.Map;

/** A user who is no longer active ends all their live connections. */
@Component
@ProcessingGroup(UserProjection.GROUP)
public class SessionLivePush {

    private final LiveNotices notices;

    public SessionLivePush(LiveNotices notices) {
        this.notices = notices;
    }

    @EventHandler
    void on(UserStatusChangedEvent e, @MessageIdentifier String id, ReplayStatus status) {
        if (e.status() != UserStatus.ACTIVE) {
            notices.publish(new LiveUpdate(LiveTopics.SESSION, "user." + e.status().wireName(), id, e.at(),
                    LiveAudience.OWNER, e.userId(), null, Map.of("status", e.status().wireName())), status);
        }
    }
}
