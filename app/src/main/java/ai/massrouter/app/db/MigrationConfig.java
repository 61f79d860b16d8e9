package ai.massrouter.app.db;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's Flyway gives the data source and settings and runs before anything that uses the
 * database; what it runs is the modules' migrations, each in its own history ({@link ModuleMigrations}).
 */
@Configuration(proxyBeanMethods = false)
public class MigrationConfig {

    @Bean
    public FlywayMigrationStrategy moduleMigrations() {
        return flyway -> new ModuleMigrations(flyway.getConfiguration()).migrate();
    }
}
