package ai.massrouter.command.account;

import ai.massrouter.api.account.OperationId;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One call made elsewhere, to be metered: its request id makes the charge happen once. The id is
 * the client's own, in the {@code usage} origin: it can never name an operation of the server.
 */
public record UsageRecord(@NotNull @Pattern(regexp = OperationId.CLIENT_ID_REGEX, message = OperationId.CLIENT_ID_RULE)
                          String requestId, @NotBlank @Size(max = 128) String model,
                          @NotNull @Min(0) @Max(1_000_000_000) Long promptTokens,
                          @NotNull @Min(0) @Max(1_000_000_000) Long completionTokens) {
}
