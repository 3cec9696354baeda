package org.postbinder.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/** WARC files read back with jwarc, the way a replay tool would. */
public final class WarcFiles {

    private WarcFiles() {
    }

    /** Reads every record and its whole body; a torn or garbled record throws. */
    public static List<WarcRecord> readToTheEnd(Path warc) throws IOException {
        List<WarcRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                record.body().consume();
                records.add(record);
            }
        }
        return records;
    }
}
