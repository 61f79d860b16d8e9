package ai.massrouter.app.support;

import ai.massrouter.app.MassRouterApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A second MassRouter node on the same database as the test's own context (another JVM would
 * behave the same: the nodes share nothing but PostgreSQL and the JWT secret).
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final ApiClient api;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.api = new ApiClient(port);
    }

    public int port() {
        return port;
    }

    /** {@code settings}: further {@code --name=value} arguments, such as the first node's limits. */
    public static SecondNode start(String databaseUrl, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--massrouter.data-dir=" + System.getProperty("java.io.tmpdir") + "/massrouter-node2-" + UUID.randomUUID(),
                "--massrouter.jwt.secret=integration-test-secret",
                "--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1"));
        args.addAll(List.of(settings));
        return new SecondNode(new SpringApplicationBuilder(MassRouterApplication.class).run(args.toArray(String[]::new)));
    }

    public ApiClient api() {
        return api;
    }

    @Override
    public void close() {
        context.close();
    }
}
