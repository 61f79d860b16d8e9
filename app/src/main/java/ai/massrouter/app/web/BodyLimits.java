package ai.massrouter.app.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The largest request body each surface reads: the platform API and the payment webhooks take
 * small JSON (or form) bodies; the OpenAI-compatible gateway takes prompts, which may carry images.
 */
@ConfigurationProperties("massrouter.limits")
public record BodyLimits(DataSize maxBodyApi, DataSize maxBodyGateway) {

    public BodyLimits {
        maxBodyApi = maxBodyApi == null ? DataSize.ofMegabytes(1) : maxBodyApi;
        maxBodyGateway = maxBodyGateway == null ? DataSize.ofMegabytes(20) : maxBodyGateway;
    }

    long forPath(String path) {
        return (path != null && path.startsWith("/v1/") ? maxBodyGateway : maxBodyApi).toBytes();
    }
}
