package io.tributary.projections.envelope;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an ISO-8601 instant. Every record carries one, written by {@link Instant#toString()}
 * ({@code 2026-11-22T10:15:30.123456Z}); that shape is read digit by digit, since {@link Instant#parse} goes through a
 * general formatter that cost a quarter of decoding a record. Any other shape (an offset, a leap second, a year
 * beyond four digits) goes to {@link Instant#parse}, which decides.
 */
final class IsoInstant {

    private static final int SHORTEST = "2026-11-22T10:15:30Z".length();

    private IsoInstant() {
    }

    /** @throws DateTimeException when the value is not an ISO-8601 instant */
    static Instant parse(String value) {
        Instant instant = asWrittenByInstant(value);
        return instant != null ? instant : Instant.parse(value);
    }

    /** The instant, or null when the value is not in the shape {@link Instant#toString()} writes. */
    private static Instant asWrittenByInstant(String value) {
        int length = value.length();
        if (length < SHORTEST || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int nanos = fraction(value, 19, length - 1);
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal digits from {@code from} to {@code to}, or -1 if any is not one. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            int digit = value.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            number = number * 10 + digit;
        }
        return number;
    }

    /** Nanoseconds of an optional {@code .} and one to nine digits from {@code from} to {@code to}, or -1. */
    private static int fraction(String value, int from, int to) {
        if (from == to) {
            return 0;
        }
        int digits = to - from - 1;
        if (value.charAt(from) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int nanos = digits(value, from + 1, to);
        for (int i = digits; i < 9 && nanos >= 0; i++) {
            nanos *= 10;
        }
        return nanos;
    }
}
