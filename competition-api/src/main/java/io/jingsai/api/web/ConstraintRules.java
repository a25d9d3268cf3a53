package io.jingsai.api.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import io.jingsai.api.identifiers.Rejection;
import io.jingsai.api.shared.BrokenRule;
import io.jingsai.api.shared.CrossFieldRule;
import io.jingsai.api.shared.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;

/**
 * Bean Validation failures as the API reports them: the field as the client names it and a language-free rule key,
 * never Hibernate Validator's English text nor a Java name. In order of precedence:
 * <ol>
 *   <li>an identifier constraint ({@code @ValidCreditCode} …) reports its {@link Rejection}'s key and values,
 *       such as {@code creditCode.checkCharacter} with the expected character;</li>
 *   <li>a constraint whose message is a key in braces, such as {@code @Pattern(message = "{phone.format}")},
 *       reports that key;</li>
 *   <li>any other constraint reports a key made from its annotation and attributes: {@code @NotNull} →
 *       {@code required}, {@code @Size(max = 100)} → {@code size.max} (text) or {@code items.max} (lists) with 100,
 *       {@code @Min(2000)} → {@code min} with 2000, {@code @Positive} → {@code positive}, and so on.</li>
 * </ol>
 * A {@link CrossFieldRule} is reported for the field it names, not for its method; a query or path parameter
 * under the name the client uses; a constraint on a whole object under {@code ""}, the body.
 */
final class ConstraintRules {

    /** A message template that is one catalogue key, such as {@code {phone.format}}; Bean Validation's own are not. */
    private static final Pattern KEY = Pattern.compile("\\{([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)+)}");

    private ConstraintRules() {
    }

    static List<FieldProblem> of(WebExchangeBindException binding) {
        return sorted(binding.getAllErrors().stream().map(ConstraintRules::of));
    }

    static List<FieldProblem> of(HandlerMethodValidationException validation) {
        return sorted(validation.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> of(result, error))));
    }

    private static FieldProblem of(ParameterValidationResult result, MessageSourceResolvable error) {
        if (error instanceof ObjectError inBody) {
            return of(inBody);
        }
        String parameter = UnreadableInput.parameterName(result.getMethodParameter());
        return rule(result.unwrap(error, ConstraintViolation.class)).at(parameter);
    }

    private static FieldProblem of(ObjectError error) {
        String path = error instanceof FieldError field ? field.getField() : "";
        if (!error.contains(ConstraintViolation.class)) {
            // Not Bean Validation (a binding failure): Spring's own code names the rule.
            return new FieldProblem(path, lowerCamel(String.valueOf(error.getCode())));
        }
        ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
        return rule(violation).at(violation.getConstraintDescriptor().getAnnotation() instanceof CrossFieldRule rule
                ? sibling(path, rule.field()) : path);
    }

    static BrokenRule rule(ConstraintViolation<?> violation) {
        Rejection rejection = violation instanceof HibernateConstraintViolation<?> hibernate
                ? hibernate.getDynamicPayload(Rejection.class) : null;
        if (rejection != null) {
            return new BrokenRule(rejection.key(), rejection.arguments());
        }
        Matcher key = KEY.matcher(violation.getMessageTemplate());
        if (key.matches()) {
            return BrokenRule.of(key.group(1));
        }
        return byAnnotation(violation.getConstraintDescriptor(), violation.getInvalidValue());
    }

    private static BrokenRule byAnnotation(ConstraintDescriptor<?> constraint, Object value) {
        String name = constraint.getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = constraint.getAttributes();
        return switch (name) {
            case "NotNull" -> BrokenRule.of("required");
            case "Size" -> size(value instanceof CharSequence ? "size" : "items",
                    (Integer) attributes.get("min"), (Integer) attributes.get("max"));
            case "Min", "Max", "DecimalMin", "DecimalMax" -> BrokenRule.of(lowerCamel(name), attributes.get("value"));
            default -> BrokenRule.of(lowerCamel(name));
        };
    }

    /** {@code size.max} for at most, {@code size.min} for at least, {@code size.range} for both. */
    private static BrokenRule size(String kind, int min, int max) {
        if (min == 0) {
            return BrokenRule.of(kind + ".max", max);
        }
        return max == Integer.MAX_VALUE ? BrokenRule.of(kind + ".min", min) : BrokenRule.of(kind + ".range", min, max);
    }

    /** The field {@code name} of the object that holds {@code path}'s last property. */
    private static String sibling(String path, String name) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? name : path.substring(0, dot + 1) + name;
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static List<FieldProblem> sorted(Stream<FieldProblem> problems) {
        return problems.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::rule)).toList();
    }
}
