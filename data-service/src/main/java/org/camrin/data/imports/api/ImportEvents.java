package org.camrin.data.imports.api;

import java.util.List;

/**
 * Events of the import aggregate as stored in the event store. Their names and fields are
 * permanent once stored.
 */
public final class ImportEvents {

    private ImportEvents() {
    }

    /**
     * A file's figures, recorded once per distinct file content.
     *
     * @param importId           the file's SHA-256 checksum in lower-case hex
     * @param periods            months the file covers, as {@code YYYY-MM}, in order
     * @param rowsRead           data rows in the file, header excluded
     * @param rowsAccepted       rows that passed validation, inside or outside the network
     * @param rowsRejected       rows listed in the import report and left out of the figures
     * @param rowsOutsideNetwork accepted rows of organisations outside the network, not stored
     * @param figures            the network organisations' figures, one entry per organisation and month
     */
    public record FileImportedEvent(String importId, String fileName, String format, List<String> periods,
            long rowsRead, long rowsAccepted, long rowsRejected, long rowsOutsideNetwork,
            List<OrganisationFigures> figures) {
    }
}
