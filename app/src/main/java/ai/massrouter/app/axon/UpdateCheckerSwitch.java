package ai.massrouter.app.axon;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Axon's update checker reads a JVM system property, not Spring's environment, so the
 * {@code axoniq.update-checker.disabled} setting of application.yml is copied there before Axon
 * starts: however the application is started (jar, tests, benchmarks), it never phones home
 * (there is no internet here or in most deployments).
 */
public class UpdateCheckerSwitch implements EnvironmentPostProcessor {

    static final String PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, environment.getProperty(PROPERTY, "true"));
        }
    }
}
