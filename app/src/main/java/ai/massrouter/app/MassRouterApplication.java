package ai.massrouter.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one executable: command side, projections and query side of MassRouter in one node. */
@SpringBootApplication(scanBasePackages = "ai.massrouter")
public class MassRouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(MassRouterApplication.class, args);
    }
}
