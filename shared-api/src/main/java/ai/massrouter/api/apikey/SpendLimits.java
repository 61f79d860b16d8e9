package ai.massrouter.api.apikey;

import ai.massrouter.api.common.Money;

/**
 * What one API key may spend: in total, per UTC day and per UTC month. A null limit is no limit.
 * Holds count against the limits until they are settled or released.
 */
public record SpendLimits(Money total, Money daily, Money monthly) {

    public static final SpendLimits NONE = new SpendLimits(null, null, null);

    public boolean isEmpty() {
        return total == null && daily == null && monthly == null;
    }
}
