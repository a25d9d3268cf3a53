package io.jingsai.api.web;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The application's own operations, read from its request mappings, so that tests "for every operation" and "for
 * every parameter" cover what is added later without being told.
 */
record ApiOperations(List<Operation> all) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    /** One path and method, with its declared query and path parameters and its body type. */
    record Operation(HttpMethod method, String pattern, HandlerMethod handler) {

        String label() {
            return method + " " + pattern;
        }

        List<Param> queryParameters() {
            return parameters(RequestParam.class);
        }

        List<Param> pathVariables() {
            return parameters(PathVariable.class);
        }

        /** A content type the operation is mapped for, so that a request reaches it; null when it reads no body. */
        MediaType contentType() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestPart.class)) {
                    return MediaType.parseMediaType("multipart/form-data; boundary=none");
                }
            }
            return bodyType().isPresent() ? MediaType.APPLICATION_JSON : null;
        }

        Optional<Class<?>> bodyType() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    return Optional.of(parameter.getParameterType());
                }
            }
            return Optional.empty();
        }

        /** The path with every variable given a valid-looking value, except {@code name}, which gets {@code value}. */
        String path(String name, String value) {
            Map<String, Class<?>> types = new java.util.HashMap<>();
            pathVariables().forEach(p -> types.put(p.name(), p.type()));
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String variable = matcher.group(1);
                Class<?> type = types.get(variable);
                String filled = variable.equals(name) ? value
                        : type == UUID.class ? UUID.randomUUID().toString()
                        : variable.equals("chain") ? "system"
                        : type == String.class ? "enterprises" : "1";
                matcher.appendReplacement(path, Matcher.quoteReplacement(filled));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        String path() {
            return path("", "");
        }

        private List<Param> parameters(Class<? extends java.lang.annotation.Annotation> kind) {
            String[] names = NAMES.getParameterNames(handler.getMethod());
            Parameter[] reflected = handler.getMethod().getParameters();
            List<Param> found = new ArrayList<>();
            for (int i = 0; i < reflected.length; i++) {
                if (reflected[i].isAnnotationPresent(kind)) {
                    found.add(new Param(names[i], reflected[i].getType()));
                }
            }
            return found;
        }
    }

    record Param(String name, Class<?> type) {

        boolean isWholeNumber() {
            return type == Long.class || type == long.class || type == Integer.class || type == int.class;
        }
    }

    static ApiOperations of(RequestMappingHandlerMapping mapping) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("io.jingsai.api")) {
                continue;
            }
            for (PathPattern pattern : entry.getKey().getPatternsCondition().getPatterns()) {
                entry.getKey().getMethodsCondition().getMethods().forEach(method -> operations.add(new Operation(
                        HttpMethod.valueOf(method.name()), pattern.getPatternString(), entry.getValue())));
            }
        }
        operations.sort(Comparator.comparing(Operation::label));
        return new ApiOperations(List.copyOf(operations));
    }

    List<Operation> gets() {
        return all.stream().filter(operation -> operation.method() == HttpMethod.GET).toList();
    }
}
