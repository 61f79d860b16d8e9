package ai.massrouter.command.redemption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RedeemRequest(@NotBlank @Size(max = 64) String code) {
}
