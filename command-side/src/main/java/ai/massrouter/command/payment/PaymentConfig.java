package ai.massrouter.command.payment;

import ai.massrouter.api.common.BillingSettings;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentConfig {

    @Bean
    FxRates fxRates(BillingSettings billing, PaymentsProperties properties) {
        return new FxRates(billing.currency(), properties.fxRates());
    }

    /**
     * A credit that fails (a transient database error) must be retried, not logged and skipped:
     * the error propagates, so the processor rolls back and handles the event again. A retry never
     * credits a second time: the top-up's operation id is the payment id.
     */
    @Bean
    ConfigurerModule paymentProcessRetries() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(PaymentProcess.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
