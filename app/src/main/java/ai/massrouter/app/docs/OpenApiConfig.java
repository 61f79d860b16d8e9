package ai.massrouter.app.docs;

import ai.massrouter.api.auth.Caller;
import ai.massrouter.api.common.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui}), generated
 * from the controllers. What springdoc cannot see is added here once: the envelope around every
 * {@code /api/v1} answer, the error envelope with every error code and its status, bearer auth.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    static final String ERROR_SCHEMA = "ErrorEnvelope";
    static final String OPENAI_ERROR_SCHEMA = "OpenAiError";

    static {
        // resolved from the bearer token, never sent as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** Schemas in the wire's snake_case: springdoc reads the records through the application's ObjectMapper. */
    @Bean
    ModelResolver modelResolver(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper);
    }

    @Bean
    OpenAPI massRouterOpenApi() {
        return new OpenAPI()
                .info(new Info().title("MassRouter API").version("v1").description("""
                        The platform API (`/api/v1`, every answer in the envelope `{success, data, message, \
                        timestamp}`) and the OpenAI-compatible gateway (`/v1`, OpenAI's own wire format). \
                        Authenticate with `Authorization: Bearer <access token or mr-... API key>`. \
                        Error codes:\s""" + errorCodes()))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("A JWT access token or an mr-... API key")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Wraps the platform's answers in the envelope and adds the error answers to every operation. */
    @Bean
    OpenApiCustomizer envelopeAndErrors() {
        return openApi -> {
            // added here, after springdoc has pruned the schemas that nothing referenced yet
            openApi.getComponents().addSchemas(ERROR_SCHEMA, errorEnvelope())
                    .addSchemas(OPENAI_ERROR_SCHEMA, openAiError());
            openApi.getPaths().forEach((path, item) -> operations(item).forEach(operation -> addErrors(path, operation)));
        };
    }

    private static void addErrors(String path, Operation operation) {
        boolean platform = path.startsWith("/api/");
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (platform) {
            responses.forEach((status, response) -> {
                if (status.startsWith("2")) {
                    wrapInEnvelope(response);
                }
            });
        }
        if ("changeLimits".equals(operation.getOperationId())) {
            operation.getRequestBody().setContent(json(limitsPatch()));
        }
        String schema = platform ? ERROR_SCHEMA : OPENAI_ERROR_SCHEMA;
        errorsByStatus().forEach((status, codes) -> responses.computeIfAbsent(String.valueOf(status),
                s -> new ApiResponse().description(codes).content(json(new Schema<>().$ref(
                        "#/components/schemas/" + schema)))));
        operation.setResponses(responses);
    }

    /** The partial limits update is read as a JSON tree (absent and null differ), so its shape is written here. */
    private static Schema<?> limitsPatch() {
        return new ObjectSchema().description("A limit left out keeps its value; null removes it")
                .addProperty("spend_limit", new ObjectSchema().nullable(true)
                        .addProperty("total", new NumberSchema().nullable(true))
                        .addProperty("daily", new NumberSchema().nullable(true))
                        .addProperty("monthly", new NumberSchema().nullable(true))
                        .addProperty("currency", new StringSchema()))
                .addProperty("rate_limit_per_hour", new IntegerSchema().nullable(true).minimum(BigDecimal.ONE));
    }

    private static List<Operation> operations(PathItem item) {
        return item.readOperations();
    }

    private static void wrapInEnvelope(ApiResponse response) {
        if (response.getContent() == null) {
            return;
        }
        response.getContent().forEach((type, media) -> {
            Schema<?> data = media.getSchema();
            if (data != null && data.getProperties() != null && data.getProperties().containsKey("success")) {
                return;
            }
            media.setSchema(new ObjectSchema()
                    .addProperty("success", new BooleanSchema()._default(true))
                    .addProperty("data", data == null ? new ObjectSchema() : data)
                    .addProperty("message", new StringSchema().example("操作成功"))
                    .addProperty("timestamp", new DateTimeSchema()));
        });
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    private static Schema<?> errorEnvelope() {
        return new ObjectSchema()
                .addProperty("success", new BooleanSchema()._default(false))
                .addProperty("error", new ObjectSchema()
                        .addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values())
                                .map(Enum::name).toList()))
                        .addProperty("message", new StringSchema())
                        .addProperty("details", new MapSchema().additionalProperties(new StringSchema())
                                .description("the failing field and why")))
                .addProperty("timestamp", new DateTimeSchema());
    }

    private static Schema<?> openAiError() {
        return new ObjectSchema().addProperty("error", new ObjectSchema()
                .addProperty("message", new StringSchema())
                .addProperty("type", new StringSchema())
                .addProperty("param", new StringSchema().nullable(true))
                .addProperty("code", new StringSchema().description("MassRouter's error code, e.g. BILL_001")));
    }

    /** Status → "CODE (meaning), ..." for every error code, the one place statuses are mapped. */
    static Map<Integer, String> errorsByStatus() {
        return Arrays.stream(ErrorCode.values()).collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new,
                Collectors.mapping(c -> c.name() + " (" + c.defaultMessage() + ")", Collectors.joining(", "))));
    }

    private static String errorCodes() {
        return Arrays.stream(ErrorCode.values()).map(c -> "`" + c.name() + "` " + c.httpStatus())
                .collect(Collectors.joining(", ")) + ".";
    }
}
