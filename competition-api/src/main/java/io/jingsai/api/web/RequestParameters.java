package io.jingsai.api.web;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import io.jingsai.api.shared.FieldProblem;
import io.jingsai.api.shared.InputRules;
import io.jingsai.api.shared.RejectedRequestException;

/**
 * The parameters of every API operation, checked before the operation runs.
 * <ul>
 *   <li>A query parameter the operation does not declare is refused (a typo such as {@code regoinCode} must not
 *       quietly widen a list to everything), each is given once, and every value obeys
 *       {@link InputRules#textProblem} (so a NUL in {@code q} is a 400, not a database error).</li>
 *   <li>Whole numbers in the path and the query (ids, {@code page}, {@code year}) are ASCII digits with an optional
 *       minus sign, nothing else: Spring's default conversion also takes {@code 0x10}, {@code #10}, surrounding
 *       white space and other scripts' digits such as {@code ١}, and would address a resource the client never
 *       named. An empty value is the same as no value.</li>
 * </ul>
 * What a declared value means beyond that (an enum, a region code, a positive id) is checked where it is
 * converted or validated.
 */
@ControllerAdvice(basePackages = "io.jingsai.api")
class RequestParameters {

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    /** Registered as editors, which Spring prefers to its conversion service and does not fall back from. */
    @InitBinder
    void strictWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new WholeNumberEditor(Long::valueOf));
        binder.registerCustomEditor(long.class, new WholeNumberEditor(Long::valueOf));
        binder.registerCustomEditor(Integer.class, new WholeNumberEditor(Integer::valueOf));
        binder.registerCustomEditor(int.class, new WholeNumberEditor(Integer::valueOf));
    }

    @ModelAttribute
    void checkQuery(ServerWebExchange exchange) {
        Object handler = exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method.getMethod(), key -> queryParameters(method));
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        List<FieldProblem> problems = new ArrayList<>();
        query.forEach((name, values) -> problems.addAll(problems(name, values, allowed)));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(problems);
        }
    }

    private static List<FieldProblem> problems(String name, List<String> values, Set<String> allowed) {
        if (!allowed.contains(name)) {
            String shown = UnreadableInput.shownName(name);
            return List.of(allowed.isEmpty() ? new FieldProblem(shown, "parameter.none")
                    : FieldProblem.of(shown, "parameter.unknown", List.copyOf(allowed)));
        }
        if (values.size() > 1) {
            return List.of(new FieldProblem(name, "parameter.repeated"));
        }
        return values.stream().filter(Objects::nonNull)
                .flatMap(value -> InputRules.textProblem(value, false).stream())
                .map(rule -> rule.at(name))
                .toList();
    }

    private Set<String> queryParameters(HandlerMethod method) {
        String[] discovered = names.getParameterNames(method.getMethod());
        SortedSet<String> query = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                query.add(annotation.name().isEmpty() && discovered != null
                        ? discovered[parameter.getParameterIndex()] : annotation.name());
            }
        }
        return Collections.unmodifiableSortedSet(query);
    }

    /** Digits only; anything else fails the conversion, which the error handler reports for the parameter. */
    private static final class WholeNumberEditor extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        WholeNumberEditor(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                setValue(null);
            } else if (DIGITS.matcher(text).matches()) {
                setValue(parse.apply(text));
            } else {
                throw new IllegalArgumentException("not a whole number in digits");
            }
        }
    }
}
