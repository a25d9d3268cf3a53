package io.jingsai.api.shared;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A failure that tells the client why in its own language: a message key of the catalogue
 * ({@code messages.properties}) and the values the message names. The error handler words it once, for the
 * request's {@code Accept-Language}; the exception's own message (for logs) is the key and the values.
 */
public abstract class ExplainedException extends RuntimeException implements MessageSourceResolvable {

    private final String key;
    private final Object[] arguments;

    protected ExplainedException(String key, Object... arguments) {
        super(key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** A kind of resource (such as {@code event}), to be named in the reader's language. */
    public static MessageSourceResolvable resource(String name) {
        return new DefaultMessageSourceResolvable("resource." + name);
    }

    /** A list of values, worded as "none" when it is empty. */
    public static Object listOrNone(List<?> values) {
        return values.isEmpty() ? new DefaultMessageSourceResolvable("list.none") : values;
    }

    public String key() {
        return key;
    }

    @Override
    public String[] getCodes() {
        return new String[] {key};
    }

    @Override
    public Object[] getArguments() {
        return arguments.clone();
    }

    @Override
    public String getDefaultMessage() {
        return null;
    }
}
