package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.SpendLimitsJson;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The new limits, whole: a limit left out is removed. */
public record ChangeLimitsRequest(SpendLimitsJson spendLimit, @Min(1) @Max(10_000_000) Integer rateLimitPerHour) {
}
