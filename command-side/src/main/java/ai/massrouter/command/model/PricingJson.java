package ai.massrouter.command.model;

import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import ai.massrouter.api.model.ModelPricing;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * {@code {"input_per_million": 2.00, "output_per_million": 8.00, "cache_read_per_million": 0.50, "currency": "CNY"}},
 * exact decimals; the cache-read price is optional (cached prompt tokens then cost the input price).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PricingJson(@NotNull @DecimalMin("0") BigDecimal inputPerMillion,
                          @NotNull @DecimalMin("0") BigDecimal outputPerMillion,
                          @DecimalMin("0") BigDecimal cacheReadPerMillion, String currency) {

    @JsonCreator
    public PricingJson {
    }

    public PricingJson(BigDecimal inputPerMillion, BigDecimal outputPerMillion, String currency) {
        this(inputPerMillion, outputPerMillion, null, currency);
    }

    public static PricingJson of(ModelPricing pricing) {
        return new PricingJson(pricing.inputPerMillion().toDecimal(), pricing.outputPerMillion().toDecimal(),
                pricing.cacheReadPerMillion() == null ? null : pricing.cacheReadPerMillion().toDecimal(),
                pricing.currency());
    }

    public ModelPricing toPricing(String platformCurrency) {
        if (currency != null && !currency.equals(platformCurrency)) {
            throw DomainException.invalid("pricing.currency", "must be the platform currency " + platformCurrency);
        }
        return new ModelPricing(Money.ofDecimal(inputPerMillion, platformCurrency),
                Money.ofDecimal(outputPerMillion, platformCurrency),
                cacheReadPerMillion == null ? null : Money.ofDecimal(cacheReadPerMillion, platformCurrency));
    }
}
