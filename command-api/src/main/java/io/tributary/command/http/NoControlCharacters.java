package io.tributary.command.http;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field without C0 or C1 control characters (U+0000–U+001F, U+007F–U+009F): a NUL or an escape sequence
 * in a name would be stored for good and copied into every view and e-mail. Free text written over several
 * lines keeps tab, line feed and carriage return with {@code multiLine = true}. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    boolean multiLine() default false;

    String message() default "must not contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<NoControlCharacters, CharSequence> {

        private boolean multiLine;

        @Override
        public void initialize(NoControlCharacters annotation) {
            multiLine = annotation.multiLine();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || text.chars().noneMatch(this::refused);
        }

        private boolean refused(int c) {
            return Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'));
        }
    }
}
