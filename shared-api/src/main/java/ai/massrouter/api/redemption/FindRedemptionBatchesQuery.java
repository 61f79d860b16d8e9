package ai.massrouter.api.redemption;

import ai.massrouter.api.common.PageRequest;

/** The batches of redemption codes issued, newest first, with how many of each were redeemed. */
public record FindRedemptionBatchesQuery(PageRequest page) {
}
