package io.jingsai.api.shared;

import io.jingsai.api.identifiers.AdministrativeDivisionCode;
import io.jingsai.api.identifiers.Parsed;

/**
 * Filters that lists share. A blank filter is no filter; a malformed one is refused naming its parameter, never
 * answered with an empty page that looks like "nothing matches".
 */
public final class ListFilters {

    private ListFilters() {
    }

    /** The {@code regionCode} filter as a valid administrative division code, or null when none is given. */
    public static String regionCode(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Parsed<AdministrativeDivisionCode> code = AdministrativeDivisionCode.parse(raw);
        if (code instanceof Parsed.Invalid<AdministrativeDivisionCode> invalid) {
            throw RejectedRequestException.of("regionCode", invalid.rejection().key(),
                    invalid.rejection().arguments().toArray());
        }
        return code.orElseThrow().value();
    }
}
