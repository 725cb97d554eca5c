package io.tributary.command.handling;

import java.util.HashMap;
import java.util.Map;

/** The claim rules without a database, for aggregate fixture tests. */
public class InMemoryUniqueClaims implements UniqueClaims {

    private final Map<String, String> owners = new HashMap<>();

    @Override
    public boolean claim(String scope, String value, String owner) {
        return owners.computeIfAbsent(scope + ":" + UniqueClaims.normalise(value), key -> owner).equals(owner);
    }

    @Override
    public void release(String scope, String value, String owner) {
        owners.remove(scope + ":" + UniqueClaims.normalise(value), owner);
    }
}
