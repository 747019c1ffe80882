package org.camrin.data.imports.query;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Progress and outcome of the latest run of an import, read by the import id (the file's
 * SHA-256 checksum). Rejected rows live in pages beside it, so this document stays small.
 *
 * @param bytesTotal         the file's size
 * @param bytesRead          how far the reader has got; progress is {@code bytesRead / bytesTotal}
 * @param rejectedRowsListed rejected rows stored in the report pages, at most
 *                           {@link ImportStatusStore#MAX_LISTED_REJECTIONS}
 * @param message            what happened, in words, including what to do after a rejection
 */
@Document(ImportStatusView.COLLECTION)
public record ImportStatusView(@Id String importId, String fileName, String format, ImportStatus status,
        long bytesTotal, long bytesRead, long rowsRead, long rowsAccepted, long rowsRejected, long rowsOutsideNetwork,
        long rejectedRowsListed, List<String> periods, String message, boolean partial, String startedBy,
        Instant startedAt, Instant finishedAt) {

    static final String COLLECTION = "imports";

    /** Where an import run stands. */
    public enum ImportStatus {
        QUEUED, RUNNING, IMPORTED, ALREADY_IMPORTED, REJECTED, FAILED;

        public boolean finished() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /** Progress as a whole percentage of the file's bytes read. */
    public int percent() {
        if (status.finished()) {
            return 100;
        }
        return bytesTotal <= 0 ? 0 : (int) Math.min(99, bytesRead * 100 / bytesTotal);
    }
}
