package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.SpendLimitsJson;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name,
                                  @NotEmpty List<String> permissions,
                                  Instant expiresAt,
                                  SpendLimitsJson spendLimit,
                                  @Min(1) @Max(10_000_000) Integer rateLimitPerHour) {
}
