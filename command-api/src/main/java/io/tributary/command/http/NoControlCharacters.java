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
 * lines keeps tab, line feed and carriage return with {@code multiLine = true}. Nor a lone surrogate (JSON can
 * send {@code "\\ud800"}): it is no Unicode text, has no UTF-8 form, and each store would mangle it its own way.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoControlCharacters.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface NoControlCharacters {

    boolean multiLine() default false;

    String message() default "must not contain control characters or lone surrogates";

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
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (refused(c) || Character.isHighSurrogate(c) && !(i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(++i))) || Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }

        private boolean refused(int c) {
            return Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'));
        }
    }
}
