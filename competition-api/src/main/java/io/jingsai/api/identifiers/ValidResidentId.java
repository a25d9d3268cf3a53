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
 * The annotated string must be a {@link ResidentIdNumber} (GB 11643-1999) whose birth date is not after today,
 * where today comes from the validator factory's {@link jakarta.validation.ClockProvider} (configure it with the
 * application's {@code Clock}, zone Asia/Shanghai).
 *
 * <p>With Spring Boot, hand the application's clock to the validator factory with a
 * {@code ValidationConfigurationCustomizer} bean: {@code configuration -> configuration.clockProvider(() -> clock)};
 * otherwise the system clock and zone are used.
 *
 * <p>{@code null} is valid: combine with {@code @NotNull} where the value is required (a blank string is already
 * refused by this constraint, so {@code @NotBlank} would only repeat the message). The violation message names the
 * rule that failed, e.g. {@code "check character must be X, was 3"}; it is the same text bulk imports report.
 * Surrounding white space and lower case are tolerated by the check; store the normalised {@code value()} of the
 * parsed type.
 */
@Documented
@Constraint(validatedBy = ValidResidentId.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidResidentId {

    /** Fallback message; the validator replaces it with the specific rule that failed. */
    String message() default "must be a valid resident ID number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@code CharSequence} with {@link ResidentIdNumber}. */
    final class Validator extends IdentifierConstraintValidator<ValidResidentId> {

        @Override
        Parsed<?> parse(String value, ConstraintValidatorContext context) {
            return ResidentIdNumber.parse(value, context.getClockProvider().getClock());
        }
    }
}
