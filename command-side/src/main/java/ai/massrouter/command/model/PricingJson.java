package ai.massrouter.command.model;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelPricing;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** {@code {"input_per_million": 2.00, "output_per_million": 8.00, "currency": "CNY"}}, exact decimals. */
public record PricingJson(@NotNull @DecimalMin("0") BigDecimal inputPerMillion,
                          @NotNull @DecimalMin("0") BigDecimal outputPerMillion, String currency) {

    public ModelPricing toPricing(String platformCurrency) {
        if (currency != null && !currency.equals(platformCurrency)) {
            throw DomainException.invalid("pricing.currency", "must be the platform currency " + platformCurrency);
        }
        return new ModelPricing(Money.ofDecimal(inputPerMillion, platformCurrency),
                Money.ofDecimal(outputPerMillion, platformCurrency));
    }
}
