package org.camrin.data.imports.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands the import aggregate handles. */
public final class ImportCommands {

    private ImportCommands() {
    }

    /**
     * Records a validated file's figures. The import id is the file's SHA-256 checksum, so the
     * same file sent twice addresses the same aggregate and changes nothing the second time.
     */
    public record RecordImportCommand(@TargetAggregateIdentifier String importId, String fileName, String format,
            List<String> periods, long rowsRead, long rowsAccepted, long rowsRejected, long rowsOutsideNetwork,
            List<OrganisationFigures> figures) {
    }
}
