package org.postbinder.export;

import java.util.List;

/**
 * How {@code posts.csv} is written (the job file's {@code export.csv}).
 *
 * @param columns            the columns, in order; empty means every one of {@link CsvPostWriter#COLUMNS}
 * @param byteOrderMark      start the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8
 * @param neutralizeFormulas prefix cells that a spreadsheet would run as a formula with {@code '}
 */
public record CsvOptions(List<String> columns, boolean byteOrderMark, boolean neutralizeFormulas) {

    /** Every column, no byte-order mark, formulas neutralized. */
    public static final CsvOptions DEFAULTS = new CsvOptions(List.of(), false, true);

    public CsvOptions {
        columns = List.copyOf(columns);
    }
}
