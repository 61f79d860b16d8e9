package ai.massrouter.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default database: a real PostgreSQL started from binaries that come from Maven Central,
 * its files in {@code MASSROUTER_DATA_DIR/postgres} so data survives a restart. Used only when
 * no {@code MASSROUTER_DB_URL} is configured.
 * <p>
 * It stops as the last bean of the application, after the processors and the pool that use it
 * (not from a JVM shutdown hook of its own, which would race the application's), and a server
 * left running by a killed application is stopped before a new one starts on the same files.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(@Value("${massrouter.data-dir}") String dataDir,
                                             @Value("${massrouter.embedded-db.port:0}") int port) throws IOException {
        Path dir = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(dir);
        OrphanPostmaster.stopIfRunning(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started: data in {}, {}", dir, postgres.getJdbcUrl("postgres", "postgres"));
        return postgres;
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(EmbeddedPostgres postgres,
                                       @Value("${spring.datasource.hikari.maximum-pool-size:40}") int poolSize,
                                       @Value("${spring.datasource.hikari.minimum-idle:4}") int minimumIdle,
                                       @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(minimumIdle);
        config.setPoolName("massrouter-embedded");
        // as application.yml sets for an external database: a JDBC batch goes as one multi-row INSERT
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (!initSql.isBlank()) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }
}
