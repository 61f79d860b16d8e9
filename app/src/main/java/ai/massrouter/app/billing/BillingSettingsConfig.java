package ai.massrouter.app.billing;

import ai.massrouter.api.common.BillingSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code massrouter.billing.*} once into {@link BillingSettings}, the one bean every module
 * injects. The record lives in shared-api, which has no Spring (so no {@code @ConfigurationProperties}
 * on it); the binder is the one {@code @ConfigurationProperties} uses, with the same relaxed names
 * and conversions, and the record's constructor gives the defaults.
 */
@Configuration
public class BillingSettingsConfig {

    @Bean
    BillingSettings billingSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate(BillingSettings.PREFIX, BillingSettings.class);
    }
}
