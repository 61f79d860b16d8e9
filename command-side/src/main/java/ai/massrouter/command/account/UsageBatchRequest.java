package ai.massrouter.command.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

public record UsageBatchRequest(@NotEmpty @Size(max = UsageController.MAX_BATCH) List<@Valid UsageRecord> records) {
}
