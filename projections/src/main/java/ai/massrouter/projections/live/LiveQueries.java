package ai.massrouter.projections.live;

import ai.massrouter.api.live.WatchLiveUpdatesQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Opens a live subscription; its updates come from {@link LiveListener} and {@link ModelUsageBatcher}. */
@Component
public class LiveQueries {

    @QueryHandler
    public Boolean watch(WatchLiveUpdatesQuery query) {
        return Boolean.TRUE;
    }
}
