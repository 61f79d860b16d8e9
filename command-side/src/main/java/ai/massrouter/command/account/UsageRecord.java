package ai.massrouter.command.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One call made elsewhere, to be metered: its request id makes the charge happen once. */
public record UsageRecord(@NotBlank @Size(max = 200) String requestId, @NotBlank @Size(max = 128) String model,
                          @NotNull @Min(0) @Max(1_000_000_000) Long promptTokens,
                          @NotNull @Min(0) @Max(1_000_000_000) Long completionTokens) {
}
