package io.tributary.command.http;

import io.tributary.command.handling.InvalidFieldException;
import io.tributary.events.money.Money;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** A price as clients send it: {"amount": "19.90", "currency": "EUR"} (the amount may also be a JSON number). */
public record MoneyRequest(
        @NotNull @DecimalMin("0.00") @Digits(integer = 13, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 currency code") String currency) {

    public Money toMoney(String field) {
        try {
            return new Money(amount, currency);
        } catch (ArithmeticException e) {
            throw new InvalidFieldException(field + ".amount", "has more decimals than " + currency + " allows");
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field + ".currency", "is not an ISO-4217 currency code");
        }
    }
}
