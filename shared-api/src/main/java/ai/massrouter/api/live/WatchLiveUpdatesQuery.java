package ai.massrouter.api.live;

import ai.massrouter.api.user.UserId;

/**
 * A subscription query held open by one WebSocket connection: its updates are the
 * {@link LiveUpdate}s this caller may receive (its own, everyone's, and, for an administrator,
 * every user's). The initial answer only says that the subscription is open.
 */
public record WatchLiveUpdatesQuery(UserId userId, boolean admin) {

    public boolean mayReceive(LiveUpdate update) {
        return switch (update.audience()) {
            case EVERYONE -> true;
            case ADMINS -> admin;
            case OWNER -> admin || userId.equals(update.userId());
        };
    }
}
