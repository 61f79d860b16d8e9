package ai.massrouter.api.user;

import ai.massrouter.api.common.Money;

/** A user with money: balance now, all top-ups credited and all usage charged (refunds not subtracted). */
public record AdminUserView(UserView user, Money balance, Money topUps, Money spend, long calls) {
}
