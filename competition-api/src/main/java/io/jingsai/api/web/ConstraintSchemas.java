package io.jingsai.api.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.jingsai.api.identifiers.ValidCreditCode;
import io.jingsai.api.identifiers.ValidDivisionCode;
import io.jingsai.api.identifiers.ValidOccupationCode;
import io.jingsai.api.identifiers.ValidResidentId;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * Bean Validation rules that swagger-core leaves out of a schema, or gets wrong, added to the properties of the
 * request records: a {@code @NotBlank} string or {@code @NotEmpty} list combined with {@code @Size(max = …)} gets a
 * minimum of 0 from the size (so empty looks allowed), and the identifier constraints ({@code @ValidCreditCode} …)
 * are unknown to it.
 *
 * <p>Runs around swagger-core's own resolver, after it has applied the standard constraints, so what is set here is
 * not overwritten. The patterns describe the normalised form the server stores; surrounding white space and, for
 * codes with letters, lower case are tolerated on input. The check characters and dates are verified beyond what
 * a pattern can say, as each description states.
 */
final class ConstraintSchemas implements ModelConverter {

    private record Identifier(Class<? extends Annotation> constraint, String pattern, String description) {
    }

    private static final List<Identifier> IDENTIFIERS = List.of(
            new Identifier(ValidCreditCode.class,
                    "^[1-9ANY][1-9][0-9]{6}[0-9A-HJ-NPQRTUWXY]{8}[0-9X][0-9A-HJ-NPQRTUWXY]$",
                    "unified social credit code (统一社会信用代码, GB 32100): registration authority and institution "
                            + "type, the registering division, the organisation code (GB 11714) with its check "
                            + "character, and the GB 32100 check character, all verified"),
            new Identifier(ValidResidentId.class,
                    "^[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$",
                    "resident ID number (居民身份证号, GB 11643): province, a real birth date from 1900-01-01 to "
                            + "today (Asia/Shanghai) and the check character are verified"),
            new Identifier(ValidDivisionCode.class, "^[1-8][0-9]{5}$",
                    "administrative division code (行政区划代码, GB/T 2260), e.g. 610100 Xi'an; the first two "
                            + "digits must be a province"),
            new Identifier(ValidOccupationCode.class, "^[1-8](-[0-9]{2}){1,3}$",
                    "code of the national occupational classification (2022), e.g. 6-31-01-03"));

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved != null && raw != null && raw.isRecord()) {
            Schema<?> model = definedModel(resolved, context);
            if (model != null && model.getProperties() != null) {
                model.getProperties().forEach((name, property) -> refine(property, annotationsOf(raw, name)));
            }
        }
        return resolved;
    }

    private static Schema<?> definedModel(Schema<?> resolved, ModelConverterContext context) {
        if (resolved.get$ref() == null) {
            return resolved;
        }
        Map<String, Schema> models = context.getDefinedModels();
        return models.get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
    }

    private static void refine(Schema<?> property, List<Annotation> annotations) {
        for (Annotation annotation : annotations) {
            boolean notEmpty = annotation instanceof NotBlank || annotation instanceof NotEmpty;
            if (notEmpty && is(property, "string")
                    && (property.getMinLength() == null || property.getMinLength() < 1)) {
                property.setMinLength(1);
            }
            if (notEmpty && is(property, "array") && (property.getMinItems() == null || property.getMinItems() < 1)) {
                property.setMinItems(1);
            }
            IDENTIFIERS.stream().filter(id -> id.constraint().isInstance(annotation)).findFirst().ifPresent(id -> {
                property.setPattern(id.pattern());
                // Models are resolved again for each place that uses them: describe the rule once.
                if (property.getDescription() == null) {
                    property.setDescription(id.description());
                } else if (!property.getDescription().contains(id.description())) {
                    property.setDescription(property.getDescription() + "; " + id.description());
                }
            });
        }
    }

    private static boolean is(Schema<?> property, String type) {
        return type.equals(property.getType()) || property.getTypes() != null && property.getTypes().contains(type);
    }

    /** Annotations on a record component land on its accessor, on its type, or both, depending on their targets. */
    private static List<Annotation> annotationsOf(Class<?> record, String component) {
        List<Annotation> annotations = new ArrayList<>();
        for (RecordComponent candidate : record.getRecordComponents()) {
            if (candidate.getName().equals(component)) {
                annotations.addAll(List.of(candidate.getAccessor().getAnnotations()));
                annotations.addAll(List.of(candidate.getAnnotatedType().getAnnotations()));
            }
        }
        return annotations;
    }
}
