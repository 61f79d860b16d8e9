package ai.massrouter.command.payment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** {@code currency} left out means the platform currency. */
public record CreatePaymentRequest(
        @NotNull @DecimalMax(value = "1000000", message = "must be at most 1000000") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as CNY") String currency,
        @NotBlank String paymentMethod) {
}
