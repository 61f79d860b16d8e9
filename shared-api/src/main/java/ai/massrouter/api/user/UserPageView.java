package ai.massrouter.api.user;

import java.util.List;

/** A page of users (a concrete type, so it travels through the QueryGateway without generics). */
public record UserPageView(List<UserView> items, int page, int limit, long total) {
}
