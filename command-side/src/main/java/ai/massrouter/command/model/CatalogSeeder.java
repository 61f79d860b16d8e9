package ai.massrouter.command.model;

import ai.massrouter.api.common.BillingSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the catalog's seed file ({@code catalog/models.json}, or {@code MASSROUTER_CATALOG_SEED_FILE})
 * as {@code ModelAddedEvent}s. Models already in the log are left alone (an admin may have
 * changed their price), so this runs at every start and adds only what is new.
 */
@Component
public class CatalogSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

    private final CommandGateway commands;
    private final Resource seedFile;
    private final String currency;
    private final Clock clock;

    public CatalogSeeder(CommandGateway commands, @Value("${massrouter.catalog.seed-file}") Resource seedFile,
                         BillingSettings billing, Clock clock) {
        this.commands = commands;
        this.seedFile = seedFile;
        this.currency = billing.currency();
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!seedFile.exists()) {
            log.warn("Catalog seed file {} not found; the catalog starts empty", seedFile);
            return;
        }
        List<ModelDefinition> models;
        try (InputStream in = seedFile.getInputStream()) {
            models = Arrays.asList(new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, ModelDefinition[].class));
        }
        long added = models.stream()
                .map(m -> commands.<Boolean>sendAndWait(m.toCommand(currency, null, clock.instant())))
                .filter(Boolean.TRUE::equals).count();
        log.info("Catalog: {} models in {}, {} added", models.size(), seedFile.getFilename(), added);
    }
}
