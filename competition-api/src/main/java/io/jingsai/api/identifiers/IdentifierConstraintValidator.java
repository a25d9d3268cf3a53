package io.jingsai.api.identifiers;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.lang.annotation.Annotation;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Shared body of the identifier constraints: {@code null} is valid, anything else must parse, and a rejection
 * replaces the constraint's generic message with the precise one. The {@link Rejection} itself rides along as the
 * violation's dynamic payload, so the API's error handler reports its rule key and values rather than the English
 * text.
 */
abstract class IdentifierConstraintValidator<A extends Annotation> implements ConstraintValidator<A, CharSequence> {

    /** Parses the (non-null) value. */
    abstract Parsed<?> parse(String value, ConstraintValidatorContext context);

    @Override
    public final boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Parsed<?> parsed = parse(value.toString(), context);
        if (parsed instanceof Parsed.Invalid<?> invalid) {
            context.disableDefaultConstraintViolation();
            context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(invalid.rejection());
            context.buildConstraintViolationWithTemplate(escapeTemplate(invalid.rejection().message()))
                    .addConstraintViolation();
            return false;
        }
        return true;
    }

    /**
     * Messages may quote user input; escaping keeps it from being read as a message parameter or an EL
     * expression by the message interpolator.
     */
    static String escapeTemplate(String message) {
        StringBuilder escaped = new StringBuilder(message.length() + 8);
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
