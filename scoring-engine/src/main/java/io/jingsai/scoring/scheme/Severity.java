package io.jingsai.scoring.scheme;

/** How serious a validation problem is: an {@link #ERROR} rejects the scheme, a {@link #WARNING} does not. */
public enum Severity {
    ERROR, WARNING
}
