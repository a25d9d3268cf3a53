package io.jingsai.api.identifiers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated string must be a {@link UnifiedSocialCreditCode} (GB 32100-2015).
 *
 * <p>{@code null} is valid: combine with {@code @NotNull} where the value is required (a blank string is already
 * refused by this constraint, so {@code @NotBlank} would only repeat the message). The violation message names the
 * rule that failed, e.g. {@code "check character must be G, was H"}; it is the same text bulk imports report.
 * Surrounding white space and lower case are tolerated by the check; store the normalised {@code value()} of the
 * parsed type.
 */
@Documented
@Constraint(validatedBy = ValidCreditCode.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidCreditCode {

    /** Fallback message; the validator replaces it with the specific rule that failed. */
    String message() default "must be a valid unified social credit code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@code CharSequence} with {@link UnifiedSocialCreditCode}. */
    final class Validator extends IdentifierConstraintValidator<ValidCreditCode> {

        @Override
        Parsed<?> parse(String value, ConstraintValidatorContext context) {
            return UnifiedSocialCreditCode.parse(value);
        }
    }
}
