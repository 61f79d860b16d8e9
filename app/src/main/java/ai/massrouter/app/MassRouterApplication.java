package ai.massrouter.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one executable: command side, projections and query side of MassRouter in one node. */
@SpringBootApplication(scanBasePackages = "ai.massrouter")
public class MassRouterApplication {

    public static void main(String[] args) {
        // No internet here or in most deployments: Axon must not phone home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(MassRouterApplication.class, args);
    }
}
