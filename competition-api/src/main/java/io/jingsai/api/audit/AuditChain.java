package io.jingsai.api.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One chain of the audit trail. Each event and each programme has its own chain, so that writers to different
 * events never wait for each other and one event's trail can be checked and handed over on its own; what belongs to
 * no programme (accounts, reference data) goes to the system chain.
 *
 * @param name {@code event-<id>}, {@code programme-<id>} or {@code system}
 */
public record AuditChain(String name) {

    private static final Pattern NAME = Pattern.compile("system|(event|programme)-[1-9][0-9]{0,18}");

    public AuditChain {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an audit chain is event-<id>, programme-<id> or system");
        }
    }

    public static AuditChain event(long eventId) {
        return new AuditChain("event-" + positive(eventId));
    }

    public static AuditChain programme(long programmeId) {
        return new AuditChain("programme-" + positive(programmeId));
    }

    public static AuditChain system() {
        return new AuditChain("system");
    }

    /** The chain a client named, or empty when the name is not one a chain can have. */
    static Optional<AuditChain> parse(String name) {
        return name != null && NAME.matcher(name).matches() ? Optional.of(new AuditChain(name)) : Optional.empty();
    }

    private static long positive(long id) {
        if (id < 1) {
            throw new IllegalArgumentException("an id is at least 1");
        }
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
