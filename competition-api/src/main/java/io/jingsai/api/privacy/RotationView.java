package io.jingsai.api.privacy;

import java.util.List;

/**
 * What a key rotation did: the key everything is now sealed under, how many values it re-sealed, and how many in
 * each sealed column ({@code table.column}).
 */
record RotationView(String keyId, long resealed, List<Column> columns) {

    record Column(String column, long resealed) {
    }
}
