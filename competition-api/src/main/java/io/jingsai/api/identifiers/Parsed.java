package io.jingsai.api.identifiers;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of parsing untrusted text into a value type: either the {@link Valid valid} value or the
 * {@link Invalid rejection} that names the first rule it broke.
 *
 * <p>Rejections are values, not exceptions, so a bulk import can collect one per row and field without
 * try/catch; callers that would rather fail fast use {@link #orElseThrow()}.
 *
 * @param <T> the value type
 */
public sealed interface Parsed<T> permits Parsed.Valid, Parsed.Invalid {

    /** A successfully parsed value. */
    record Valid<T>(T value) implements Parsed<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A refused input and the reason. */
    record Invalid<T>(Rejection rejection) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(String rule, String message) {
        return new Invalid<>(new Rejection(rule, message));
    }

    static <T> Parsed<T> invalid(Rejection rejection) {
        return new Invalid<>(rejection);
    }

    /** Whether parsing succeeded. */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The rejection, or empty when the input was valid. */
    default Optional<Rejection> optionalRejection() {
        return this instanceof Invalid<T> invalid ? Optional.of(invalid.rejection()) : Optional.empty();
    }

    /** The value, or empty when the input was rejected. */
    default Optional<T> optionalValue() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /**
     * The value.
     *
     * @throws IllegalArgumentException with the rejection's message when the input was rejected
     */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new IllegalArgumentException(((Invalid<T>) this).rejection().message());
    }

    /** Applies {@code mapper} to a valid value; a rejection is passed on unchanged. */
    default <U> Parsed<U> map(Function<? super T, ? extends U> mapper) {
        if (this instanceof Valid<T> valid) {
            return valid(mapper.apply(valid.value()));
        }
        return invalid(((Invalid<T>) this).rejection());
    }
}
