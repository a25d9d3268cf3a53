package io.jingsai.api.bulk;

import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.jingsai.api.spreadsheet.ImportReport;
import io.jingsai.api.spreadsheet.SheetColumn;
import io.jingsai.api.spreadsheet.SheetRow;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks an imported row with exactly the Bean Validation rules of the REST command it becomes, so a file and a
 * request are held to the same rules and get the same messages.
 */
@Component
public class RowCommands {

    private final Validator validator;

    public RowCommands(Validator validator) {
        this.validator = validator;
    }

    /**
     * Records every violation of {@code command} against the row's column for that field.
     *
     * @param columns command field → the column it came from
     * @param alreadyReported fields whose problems were reported otherwise (e.g. an unknown enterprise); skipped
     * @return whether the command is valid
     */
    public boolean check(Object command, SheetRow row, Map<String, SheetColumn> columns, Set<String> alreadyReported,
                         ImportReport.Builder report) {
        boolean valid = true;
        for (ConstraintViolation<Object> violation : validator.validate(command)) {
            String field = violation.getPropertyPath().toString();
            if (alreadyReported.contains(field)) {
                valid = false;
                continue;
            }
            SheetColumn column = columns.getOrDefault(field, columns.values().iterator().next());
            report.reject(row, column, "invalid", violation.getMessage());
            valid = false;
        }
        return valid;
    }
}
