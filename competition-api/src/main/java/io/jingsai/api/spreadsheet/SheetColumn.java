package io.jingsai.api.spreadsheet;

import java.util.Locale;
import java.util.Objects;

/**
 * One column of an import/export layout.
 *
 * <p>The {@code header} is what templates and exports write (Chinese, e.g. {@code "身份证号"}); on import the
 * header row may use it or the optional English {@code alias} (e.g. {@code "idNumber"}). Matching trims white
 * space and ignores ASCII case. A {@code required} column must be present in the header row, and its cells must not
 * be blank (the latter is checked through {@link ImportReport.Builder}). The {@code example} fills the example row
 * of a template. A {@code text} column holds codes or numbers that must stay text (ID numbers, credit codes,
 * phone numbers): the XLSX writer formats it as text so Excel neither drops leading zeros nor shows
 * {@code 1.1E+17}.
 *
 * @param header   the Chinese header; not blank
 * @param alias    an English alternative accepted on import, or {@code null}
 * @param required whether the column must be present and filled
 * @param example  the template's example value, or {@code null}
 * @param text     whether the column is formatted as text in XLSX
 */
public record SheetColumn(String header, String alias, boolean required, String example, boolean text) {

    public SheetColumn {
        Objects.requireNonNull(header, "header");
        if (header.isBlank()) {
            throw new IllegalArgumentException("header must not be blank");
        }
        if (alias != null && alias.isBlank()) {
            throw new IllegalArgumentException("alias must be null or not blank");
        }
    }

    /** A required column. */
    public static SheetColumn required(String header, String alias, String example) {
        return new SheetColumn(header, alias, true, example, false);
    }

    /** An optional column. */
    public static SheetColumn optional(String header, String alias, String example) {
        return new SheetColumn(header, alias, false, example, false);
    }

    /** The same column, formatted as text in XLSX (for codes and ID numbers). */
    public SheetColumn asText() {
        return new SheetColumn(header, alias, required, example, true);
    }

    /** The header followed by the alias in brackets, for messages, e.g. {@code 姓名 (name)}. */
    public String label() {
        return alias == null ? header : header + " (" + alias + ")";
    }

    boolean matches(String headerCell) {
        String cell = headerCell.trim().toLowerCase(Locale.ROOT);
        return cell.equals(header.trim().toLowerCase(Locale.ROOT))
                || alias != null && cell.equals(alias.trim().toLowerCase(Locale.ROOT));
    }
}
