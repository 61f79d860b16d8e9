package ai.massrouter.query.gateway;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.ErrorCode;
import ai.massrouter.api.common.PageRequest;
import ai.massrouter.api.model.FindModelQuery;
import ai.massrouter.api.model.FindModelsQuery;
import ai.massrouter.api.model.ModelId;
import ai.massrouter.api.model.ModelPageView;
import ai.massrouter.api.model.ModelSort;
import ai.massrouter.api.model.ModelStatus;
import ai.massrouter.api.model.ModelView;
import ai.massrouter.query.common.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/models} in OpenAI's list format: the catalog's available models, by name, so
 * {@code client.models.list()} of an OpenAI SDK works. Public, like the catalog itself.
 */
@RestController
public class OpenAiModelsController {

    private final ReadYourWrites reads;

    public OpenAiModelsController(ReadYourWrites reads) {
        this.reads = reads;
    }

    @GetMapping("/v1/models")
    public ModelList models() {
        List<OpenAiModel> models = new ArrayList<>();
        for (int page = 1; ; page++) {
            ModelPageView view = reads.ask(new FindModelsQuery(null, null, null, ModelSort.NAME, false,
                    new PageRequest(page, PageRequest.MAX_LIMIT)), ModelPageView.class).orElseThrow();
            view.items().stream().filter(m -> m.status() == ModelStatus.AVAILABLE).map(OpenAiModel::of)
                    .forEach(models::add);
            if (view.items().size() < PageRequest.MAX_LIMIT || (long) page * PageRequest.MAX_LIMIT >= view.total()) {
                return new ModelList("list", models);
            }
        }
    }

    /** Model ids contain a slash: {@code /v1/models/openai/gpt-4o}. */
    @GetMapping("/v1/models/{provider}/{name}")
    public OpenAiModel model(@PathVariable String provider, @PathVariable String name) {
        String id = provider + "/" + name;
        return reads.ask(new FindModelQuery(ModelId.of(id)), ModelView.class).map(OpenAiModel::of)
                .orElseThrow(() -> new DomainException(ErrorCode.ERR_004, "The model " + id + " does not exist",
                        Map.of("model", id)));
    }

    public record ModelList(String object, List<OpenAiModel> data) {
    }

    /** OpenAI's model object; {@code owned_by} is the catalog's provider, {@code created} the time it was added. */
    public record OpenAiModel(String id, String object, long created, String ownedBy) {

        static OpenAiModel of(ModelView m) {
            return new OpenAiModel(m.id(), "model", m.createdAt() == null ? 0 : m.createdAt().getEpochSecond(),
                    m.provider());
        }
    }
}
