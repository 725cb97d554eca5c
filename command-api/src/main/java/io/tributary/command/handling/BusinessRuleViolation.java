package io.tributary.command.handling;

/**
 * A command that is well-formed but not allowed in the aggregate's current state (HTTP 409).
 *
 * @param code stable, kebab-case identifier; becomes the problem type {@code urn:tributary:problem:<code>}
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String code;

    public BusinessRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
