package io.jingsai.api.spreadsheet;

import java.util.Locale;

/** The two file formats the kit reads and writes. */
public enum SheetFormat {

    /** RFC 4180 comma-separated values; read as UTF-8 (with or without BOM) or GB18030, written as UTF-8 + BOM. */
    CSV("csv", "text/csv"),

    /** Office Open XML workbook (Excel 2007 and later); the first worksheet is read. */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    SheetFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file name extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The media type to send and to expect in uploads. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format a file name announces.
     *
     * @throws UnreadableSheetException ({@link UnreadableSheetException.Reason#WRONG_TYPE}) for any other
     *                                  extension, with a hint for the old binary {@code .xls}
     */
    public static SheetFormat fromFileName(String fileName) {
        String name = fileName == null ? "" : fileName.trim().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".xls")) {
            throw new UnreadableSheetException(UnreadableSheetException.Reason.WRONG_TYPE,
                    "old Excel 97-2003 (.xls) files are not supported: save the file as .xlsx or .csv");
        }
        throw new UnreadableSheetException(UnreadableSheetException.Reason.WRONG_TYPE,
                "file name must end with .csv or .xlsx, was '" + fileName + "'");
    }
}
