package ai.massrouter.app.docs;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /}: the web console (static files under {@code static/}: {@code index.html} and
 * {@code console/}), whose footer links to Swagger UI, the OpenAPI document and health. Served
 * here, not by Spring's welcome page, so that {@code /} answers the page whatever the client's
 * {@code Accept} header says.
 */
@RestController
public class HomeController {

    private static final Resource CONSOLE = new ClassPathResource("static/index.html");

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public Resource home() {
        return CONSOLE;
    }
}
