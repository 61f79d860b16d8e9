package ai.massrouter.command.redemption;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.Instant;

/** A batch of {@code count} codes worth {@code amount} each, in the platform currency. */
public record CreateRedemptionCodesRequest(
        @NotNull @DecimalMax(value = "1000000", message = "must be at most 1000000") BigDecimal amount,
        @NotNull @Min(1) @Max(AdminRedemptionCodeController.MAX_BATCH) Integer count,
        Instant expiresAt) {
}
