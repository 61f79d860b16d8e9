package ai.massrouter.app.metrics;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger counters run in a subscribing processor: in the publishing thread, on live events only. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfig {

    static final String PROCESSING_GROUP = "ledger-metrics";

    @Bean
    public ConfigurerModule ledgerMetricsProcessor() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerSubscribingEventProcessor(PROCESSING_GROUP));
    }
}
