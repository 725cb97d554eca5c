package io.tributary.query.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns raw query parameters into typed values; anything else is a 400 naming the parameter. Stores only
 * ever see what these return, so an operator object or query syntax in a parameter is just an invalid value.
 * Optional parameters that are absent or empty are {@code null}.
 */
public final class Parameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Parameters() {
    }

    /** A canonical UUID, lower-cased as the write side generates them. */
    public static String uuid(String name, String value) {
        if (value == null || !UUID.matcher(value.strip()).matches()) {
            throw new InvalidParameterException(name, "must be a UUID");
        }
        return value.strip().toLowerCase(Locale.ROOT);
    }

    public static String optionalUuid(String name, String value) {
        return isAbsent(value) ? null : uuid(name, value);
    }

    public static int limit(String value) {
        if (isAbsent(value)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** Free text for a match query; never blank, bounded in length. */
    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(name, "must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidParameterException(name, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static String optionalText(String name, String value, int maxLength) {
        return isAbsent(value) ? null : text(name, value, maxLength);
    }

    public static Instant optionalInstant(String name, String value) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.strip());
            // Both stores keep instants as milliseconds; years beyond four digits overflow one or the other.
            if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidParameterException(name, "must be an ISO-8601 instant from year 0001 to 9999, such as 2026-11-01T10:00:00Z");
    }

    /** An ISO 4217 currency code such as {@code EUR}, or {@code fallback} when absent. */
    public static String currency(String name, String value, String fallback) {
        if (isAbsent(value)) {
            return fallback;
        }
        if (!CURRENCY.matcher(value).matches()) {
            throw new InvalidParameterException(name, "must be an ISO 4217 currency code such as EUR");
        }
        return value;
    }

    public static BigDecimal optionalAmount(String name, String value) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.strip());
            // Up to 12 whole digits and 4 decimals: exact as a double, which is what the index compares.
            if (amount.signum() >= 0 && amount.scale() <= 4 && amount.precision() - amount.scale() <= 12) {
                return amount;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidParameterException(name, "must be a non-negative amount such as 19.99, at most 12 digits and 4 decimals");
    }

    public static Boolean optionalBoolean(String name, String value) {
        if (isAbsent(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, "must be true or false");
        };
    }

    /** One of the enum's constants, matched case-insensitively. */
    public static <E extends Enum<E>> E optionalChoice(String name, String value, Class<E> choices) {
        if (isAbsent(value)) {
            return null;
        }
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().equalsIgnoreCase(value.strip())) {
                return choice;
            }
        }
        throw new InvalidParameterException(name, "must be one of " + Arrays.stream(choices.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** Both ends given: the first must come before the second. */
    public static <T extends Comparable<T>> void requireOrdered(String name, T from, T to, String message) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new InvalidParameterException(name, message);
        }
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isEmpty();
    }
}
