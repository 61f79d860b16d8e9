package ai.massrouter.app.docs;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /}: what this server is and where to go next (until the web console takes this place). */
@RestController
public class HomeController {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>MassRouter</title>
            <style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
            code{background:#f2f2f2;padding:0 .2rem}</style></head>
            <body>
            <h1>MassRouter</h1>
            <p>The billing and account platform of an LLM API gateway: users and API keys, a model catalog with
            prices, prepaid balances charged per call, top-ups, and an event log that finance can replay.</p>
            <ul>
            <li><a href="/swagger-ui">Swagger UI</a>: every route of the platform API (<code>/api/v1</code>) and of
            the OpenAI-compatible gateway (<code>/v1</code>); the OpenAPI 3 document is at
            <a href="/v3/api-docs">/v3/api-docs</a></li>
            <li><a href="/actuator/health">Health</a></li>
            <li><a href="/api/v1/models">The model catalog</a> and the gateway's <a href="/v1/models">/v1/models</a></li>
            <li>The README's quick start: from here to a charged model call in five steps</li>
            </ul>
            <p>OpenAI SDKs work unchanged with <code>base_url=&lt;this server&gt;/v1</code> and an API key.</p>
            </body>
            </html>
            """;

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public String home() {
        return PAGE;
    }
}
