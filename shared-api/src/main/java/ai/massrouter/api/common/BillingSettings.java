package ai.massrouter.api.common;

import ai.massrouter.api.common.BillingSettings;
import java.math.BigDecimal;

/**
 * The platform's billing settings, {@code massrouter.billing.*}: bound once (the app's
 * {@code BillingSettingsConfig}) and injected wherever a module needs them. A plain record, so the
 * contract stays free of Spring; an unset property takes the default below.
 *
 * @param currency      {@code currency} ({@code MASSROUTER_BILLING_CURRENCY}, default CNY): the
 *                      currency of balances, prices and limits
 * @param signupCredit  {@code signup-credit} ({@code MASSROUTER_SIGNUP_CREDIT}, default 0): what a
 *                      new account is given as it opens
 */
public record BillingSettings(String currency, BigDecimal signupCredit) {

    public static final String PREFIX = "massrouter.billing";
    public static final String DEFAULT_CURRENCY = "CNY";

    public BillingSettings {
        currency = currency == null ? DEFAULT_CURRENCY : currency;
        signupCredit = signupCredit == null ? BigDecimal.ZERO : signupCredit;
    }

    /** The defaults: CNY, no sign-up credit. */
    public static BillingSettings defaults() {
        return new BillingSettings(null, null);
    }
}
