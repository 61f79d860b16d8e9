package ai.massrouter.projections.live;

import ai.massrouter.api.apikey.ApiKeyExpiredEvent;
import ai.massrouter.api.apikey.ApiKeyRevokedEvent;
import ai.massrouter.api.live.LiveAudience;
import ai.massrouter.api.live.LiveTopics;
import ai.massrouter.api.live.LiveUpdate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

import java.util.Map;

/** A revoked or expired key ends the live connections that authenticated with it. */
@Component
@ProcessingGroup("api-keys")
public class ApiKeyLivePush {

    private final LiveNotices notices;

    public ApiKeyLivePush(LiveNotices notices) {
        this.notices = notices;
    }

    @EventHandler
    void on(ApiKeyRevokedEvent e, @MessageIdentifier String id, ReplayStatus status) {
        notices.publish(new LiveUpdate(LiveTopics.SESSION, "api_key.revoked", id, e.at(), LiveAudience.OWNER,
                e.userId(), e.keyId().value(), Map.of("api_key_id", e.keyId().value())), status);
    }

    @EventHandler
    void on(ApiKeyExpiredEvent e, @MessageIdentifier String id, ReplayStatus status) {
        notices.publish(new LiveUpdate(LiveTopics.SESSION, "api_key.expired", id, e.at(), LiveAudience.OWNER,
                e.userId(), e.keyId().value(), Map.of("api_key_id", e.keyId().value())), status);
    }
}
