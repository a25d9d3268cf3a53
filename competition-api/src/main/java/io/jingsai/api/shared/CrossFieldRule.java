package io.jingsai.api.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A rule across fields of a request body, held when the annotated boolean method returns true. Bean Validation
 * alone would report it under the method's name (such as {@code memberIdsDistinct}), which is no field of the API:
 * the error handler reports it under {@link #field()}, a field of the same object, with the rule key of
 * {@link #message()}.
 *
 * <pre>{@code
 * @CrossFieldRule(field = "memberIds", message = "{memberIds.distinct}")
 * boolean isMemberIdsDistinct() { ... }
 * }</pre>
 */
@Documented
@Constraint(validatedBy = CrossFieldRule.Check.class)
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CrossFieldRule {

    /** The API field the rule is reported for, as the client names it. */
    String field();

    /** The rule key in braces, such as {@code "{memberIds.distinct}"}. */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The method says whether the rule holds. */
    final class Check implements ConstraintValidator<CrossFieldRule, Boolean> {

        @Override
        public boolean isValid(Boolean holds, ConstraintValidatorContext context) {
            return holds == null || holds;
        }
    }
}
