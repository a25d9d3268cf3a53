package io.jingsai.scoring.scheme;

/**
 * What a weighted component of the total is. {@link #THEORY} carries a rule of its own: a theory weight above 30%
 * draws a validation warning.
 */
public enum ComponentKind {
    THEORY, PRACTICAL, ORAL, CUSTOM
}
