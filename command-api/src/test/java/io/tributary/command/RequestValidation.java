package io.tributary.command;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.List;

/** Bean Validation of a request body, as the controllers apply it: the fields it finds invalid. */
public final class RequestValidation {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private RequestValidation() {
    }

    /** The paths of the invalid fields, each once, e.g. {@code name} or {@code lines[0].productId}. */
    public static List<String> invalidFields(Object request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .distinct().toList();
    }
}
