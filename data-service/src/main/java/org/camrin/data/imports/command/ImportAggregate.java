package org.camrin.data.imports.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.data.imports.api.ImportCommands.RecordImportCommand;
import org.camrin.data.imports.api.ImportEvents.FileImportedEvent;
import org.camrin.data.imports.api.ImportOutcome;
import org.camrin.support.web.InvalidInputException;

/**
 * One imported file, identified by the SHA-256 checksum of its content. The checksum as the
 * aggregate id makes the event store's unique key on aggregate id and sequence number the
 * guarantee that a file's figures are recorded at most once.
 */
@Aggregate
class ImportAggregate {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String importId;
    private String fileName;
    private Instant importedAt;

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ImportOutcome handle(RecordImportCommand command) {
        if (importedAt != null) {
            return ImportOutcome.alreadyImported(importId, fileName, importedAt);
        }
        if (command.importId() == null || !SHA_256_HEX.matcher(command.importId()).matches()) {
            throw new InvalidInputException("importId", "Must be the file's SHA-256 checksum as 64 lower-case hex digits.");
        }
        if (command.figures() == null || command.figures().isEmpty()) {
            throw new InvalidInputException("file", "The file has no accepted rows for a network organisation, "
                    + "so there is nothing to import.");
        }

        apply(new FileImportedEvent(command.importId(), command.fileName(), command.format(), command.periods(),
                command.rowsRead(), command.rowsAccepted(), command.rowsRejected(), command.rowsOutsideNetwork(),
                command.figures()));

        return ImportOutcome.imported(command.importId());
    }

    @EventSourcingHandler
    void on(FileImportedEvent event, @Timestamp Instant at) {
        importId = event.importId();
        fileName = event.fileName();
        importedAt = at;
    }

    /** Axon rebuilds the aggregate from its events through this constructor. */
    ImportAggregate() {
    }
}
