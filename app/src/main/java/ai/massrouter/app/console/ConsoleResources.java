package ai.massrouter.app.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console's files ({@code /console/**}: ES modules, the stylesheet), served from
 * {@code static/console/} in the jar. Static resources are otherwise off
 * ({@code spring.web.resources.add-mappings: false}), so every other unknown path stays a 404 in
 * the envelope. {@code massrouter.console.location} (e.g. {@code file:app/src/main/resources/static/console/})
 * serves them from a folder instead, to edit the console without rebuilding (docs/console.md).
 * Browsers revalidate each file (no-cache with Last-Modified), so a new version shows at once.
 */
@Configuration
public class ConsoleResources implements WebMvcConfigurer {

    private final String location;

    public ConsoleResources(@Value("${massrouter.console.location:classpath:/static/console/}") String location) {
        this.location = location.endsWith("/") ? location : location + "/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/**")
                .addResourceLocations(location)
                .setCacheControl(CacheControl.noCache());
    }
}
