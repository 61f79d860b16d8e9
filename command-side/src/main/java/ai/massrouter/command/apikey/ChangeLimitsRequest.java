package ai.massrouter.command.apikey;

import ai.massrouter.api.apikey.LimitField;
import ai.massrouter.api.apikey.SpendLimits;
import ai.massrouter.api.common.DomainException;
import ai.massrouter.api.common.Money;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A partial limits update: a limit left out keeps its value, a limit sent as {@code null} is
 * removed, a number replaces it. {@code "spend_limit": null} removes the three spend limits.
 * Read from the JSON tree, because a record cannot tell a field left out from a {@code null}.
 */
record ChangeLimitsRequest(SpendLimits spendLimits, Integer rateLimitPerHour, Set<LimitField> kept) {

    static final int MAX_RATE = 10_000_000;

    static ChangeLimitsRequest parse(JsonNode body, String currency) {
        if (body == null || !body.isObject()) {
            throw DomainException.invalid("body", "must be a JSON object");
        }
        only(body, "", Set.of("spend_limit", "rate_limit_per_hour"));
        Set<LimitField> kept = EnumSet.noneOf(LimitField.class);
        Money total = null;
        Money daily = null;
        Money monthly = null;
        JsonNode spend = body.get("spend_limit");
        if (spend == null) {
            kept.addAll(Set.of(LimitField.TOTAL, LimitField.DAILY, LimitField.MONTHLY));
        } else if (!spend.isNull()) {
            if (!spend.isObject()) {
                throw DomainException.invalid("spend_limit", "must be an object or null");
            }
            only(spend, "spend_limit.", Set.of("total", "daily", "monthly", "currency"));
            JsonNode sentCurrency = spend.get("currency");
            if (sentCurrency != null && !sentCurrency.isNull() && !currency.equals(sentCurrency.asText())) {
                throw DomainException.invalid("spend_limit.currency", "must be " + currency);
            }
            total = amount(spend, "total", LimitField.TOTAL, kept, currency);
            daily = amount(spend, "daily", LimitField.DAILY, kept, currency);
            monthly = amount(spend, "monthly", LimitField.MONTHLY, kept, currency);
        }
        Integer rate = null;
        JsonNode rateNode = body.get("rate_limit_per_hour");
        if (rateNode == null) {
            kept.add(LimitField.RATE_LIMIT_PER_HOUR);
        } else if (!rateNode.isNull()) {
            if (!rateNode.isIntegralNumber() || !rateNode.canConvertToInt() || rateNode.asInt() < 1
                    || rateNode.asInt() > MAX_RATE) {
                throw DomainException.invalid("rate_limit_per_hour", "must be a whole number from 1 to " + MAX_RATE
                        + ", or null for no limit");
            }
            rate = rateNode.asInt();
        }
        return new ChangeLimitsRequest(new SpendLimits(total, daily, monthly), rate, kept);
    }

    private static Money amount(JsonNode spend, String field, LimitField limit, Set<LimitField> kept,
                                String currency) {
        JsonNode node = spend.get(field);
        if (node == null) {
            kept.add(limit);
            return null;
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw DomainException.invalid("spend_limit." + field, "must be a number, or null for no limit");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0) {
            throw DomainException.invalid("spend_limit." + field, "must not be negative");
        }
        try {
            return Money.ofDecimal(value, currency);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw DomainException.invalid("spend_limit." + field, "is too large or too precise");
        }
    }

    private static void only(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw DomainException.invalid(prefix + name, "is not a field of this request");
            }
        }
    }
}
