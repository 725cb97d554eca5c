package io.tributary.command.handling;

import java.util.Locale;

/**
 * Set validation on the write side: a value (an e-mail address, a SKU) belongs to at most one aggregate,
 * compared case-insensitively.
 */
public interface UniqueClaims {

    /** Claims the value for the owner; true if it is now the owner's (also when it already was). */
    boolean claim(String scope, String value, String owner);

    void release(String scope, String value, String owner);

    static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
