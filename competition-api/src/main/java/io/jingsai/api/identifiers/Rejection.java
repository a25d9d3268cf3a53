package io.jingsai.api.identifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Why a value was refused: a stable {@code rule} of the identifier (e.g. {@code "check-character"}, which bulk import
 * reports show), a {@code message} for people, and for the API the language-free rule {@code key} of the message
 * catalogue (e.g. {@code "creditCode.checkCharacter"}) with the values that message names.
 *
 * <p>The same rejection is reported by Bean Validation (REST requests) and by bulk import reports. Messages name the
 * rule precisely and, where it helps, what the value should be, e.g. {@code "check character (character 18) must be
 * 7"}; neither the message nor the {@code arguments} repeat the rejected value or any of its characters (the rule
 * of docs/errors.md; see each identifier for what they hold).
 *
 * @param rule      short, stable rule of the identifier, e.g. {@code "check-character"}; never blank
 * @param message   what was wrong, in English, without a trailing full stop; never blank
 * @param key       the rule key of the API's message catalogue, e.g. {@code "creditCode.checkCharacter"}
 * @param arguments the values the catalogue's message names, in order
 */
public record Rejection(String rule, String message, String key, List<Object> arguments) {

    public Rejection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(key, "key");
        if (rule.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("rule and message must not be blank");
        }
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A rejection whose key is the rule itself (in camel case) and whose message names no value. */
    public Rejection(String rule, String message) {
        this(rule, message, camelCase(rule), List.of());
    }

    /** A rejection of an identifier, keyed {@code subject.rule} (e.g. {@code creditCode.checkCharacter}). */
    static Rejection of(String subject, String rule, String message, Object... arguments) {
        return new Rejection(rule, message, subject + "." + camelCase(rule), Arrays.asList(arguments));
    }

    private static String camelCase(String rule) {
        StringBuilder key = new StringBuilder(rule.length());
        boolean upper = false;
        for (char c : rule.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }
}
