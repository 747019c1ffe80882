package org.camrin.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.HexFormat;

import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camrin.data.imports.ImportRuleViolations.ImportAlreadyRunningException;
import org.camrin.data.imports.api.ImportCommands.RecordImportCommand;
import org.camrin.data.imports.api.ImportOutcome;
import org.camrin.data.imports.parsing.DataFileParser;
import org.camrin.data.imports.parsing.FileRejectedException;
import org.camrin.data.imports.parsing.ParsedFile;
import org.camrin.data.imports.query.ImportStatusStore;
import org.camrin.data.imports.query.ImportStatusStore.ReportWriter;
import org.camrin.data.imports.query.ImportStatusView;
import org.camrin.data.imports.query.ImportStatusView.ImportStatus;
import org.camrin.data.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs file imports: checksum, header check, a streaming read that validates every row, then one
 * command to the import aggregate with the figures. The API, the first-start seeding and the
 * command-line client (through the API) all import through this class.
 *
 * <p>A file is rejected whole, and nothing is recorded, when it is unusable as a file or when,
 * in the default strict mode, any row other than a recognised TOTAL row fails validation. With
 * {@code partial} the valid rows are imported and the rest are listed in the report.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private static final long PROGRESS_WRITE_INTERVAL_NANOS = 250_000_000L;

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ImportStatusStore statuses;
    private final Organisations organisations;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    // One import at a time: imports are rare and each one reads its file at full speed.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "data-import");
        thread.setDaemon(true);
        return thread;
    });

    ImportService(CommandGateway commands, EventStore eventStore, ImportStatusStore statuses,
            Organisations organisations) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.statuses = statuses;
        this.organisations = organisations;
    }

    /**
     * A file to import.
     *
     * @param file      a file the service owns from now on and deletes when the import ends
     * @param period    the month of a waiting-bands file; may be null
     * @param partial   import the valid rows of a file with rejected rows, instead of rejecting it whole
     * @param metadata  who asked, copied onto the stored event
     */
    public record ImportRequest(Path file, String fileName, YearMonth period, boolean partial, String startedBy,
            Map<String, Object> metadata) {
    }

    /**
     * Checks the file and queues it, or returns at once when the same file was imported before.
     *
     * @throws FileRejectedException when the file is empty, header-only or of an unknown format
     */
    public ImportStatusView submit(ImportRequest request) {
        ImportStatusView prepared;
        try {
            prepared = prepare(request);
        } catch (RuntimeException rejected) {
            delete(request.file());
            throw rejected;
        }
        if (prepared.status() == ImportStatus.ALREADY_IMPORTED) {
            delete(request.file());
            return prepared;
        }
        worker.submit(() -> run(prepared.importId(), request));
        return prepared;
    }

    /** Imports in the calling thread and returns the finished run. */
    public ImportStatusView importNow(ImportRequest request) {
        ImportStatusView prepared;
        try {
            prepared = prepare(request);
        } catch (RuntimeException rejected) {
            delete(request.file());
            throw rejected;
        }
        if (prepared.status() == ImportStatus.ALREADY_IMPORTED) {
            delete(request.file());
            return prepared;
        }
        run(prepared.importId(), request);
        return statuses.find(prepared.importId()).orElseThrow();
    }

    private ImportStatusView prepare(ImportRequest request) {
        String importId = checksum(request.file());
        long size = size(request.file());
        DataFileParser.Options options = options(request);
        try (InputStream input = Files.newInputStream(request.file())) {
            DataFileParser.checkHeader(input, options);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }

        if (eventStore.lastSequenceNumberFor(importId).isPresent()) {
            return alreadyImported(importId, request);
        }
        if (!running.add(importId)) {
            throw new ImportAlreadyRunningException(importId);
        }

        statuses.find(importId).ifPresent(earlier -> statuses.clearReport(importId, earlier.rejectedRowsListed()));
        ImportStatusView queued = new ImportStatusView(importId, request.fileName(), null, ImportStatus.QUEUED, size, 0,
                0, 0, 0, 0, 0, null, "Waiting for the import worker.", request.partial(), request.startedBy(),
                Instant.now(), null);
        statuses.save(queued);
        log.info("Import {} of {} queued by {}", importId, request.fileName(), request.startedBy());
        return queued;
    }

    private ImportStatusView alreadyImported(String importId, ImportRequest request) {
        ImportStatusView earlier = statuses.find(importId).orElse(null);
        String message = "This file was already imported"
                + (earlier == null ? "" : " on " + earlier.finishedAt() + " as '" + earlier.fileName() + "'")
                + ", so nothing changed.";
        log.info("Import of {} skipped: same content as import {}", request.fileName(), importId);
        if (earlier == null) {
            return new ImportStatusView(importId, request.fileName(), null, ImportStatus.ALREADY_IMPORTED, 0, 0, 0, 0,
                    0, 0, 0, null, message, request.partial(), request.startedBy(), Instant.now(), Instant.now());
        }
        return new ImportStatusView(importId, request.fileName(), earlier.format(), ImportStatus.ALREADY_IMPORTED,
                earlier.bytesTotal(), earlier.bytesRead(), earlier.rowsRead(), earlier.rowsAccepted(),
                earlier.rowsRejected(), earlier.rowsOutsideNetwork(), earlier.rejectedRowsListed(), earlier.periods(),
                message, earlier.partial(), request.startedBy(), Instant.now(), Instant.now());
    }

    private void run(String importId, ImportRequest request) {
        ReportWriter report = statuses.reportWriter(importId);
        try {
            statuses.update(importId, view -> withStatus(view, ImportStatus.RUNNING, "Reading the file."));
            ParsedFile parsed = parse(importId, request, report);
            report.flush();
            finish(importId, request, parsed, report.listed());
        } catch (FileRejectedException rejected) {
            report.flush();
            statuses.update(importId, view -> finished(view, ImportStatus.REJECTED, rejected.getMessage(), report.listed()));
            log.info("Import {} of {} rejected: {}", importId, request.fileName(), rejected.getMessage());
        } catch (RuntimeException failure) {
            report.flush();
            statuses.update(importId, view -> finished(view, ImportStatus.FAILED, "The import failed on the server "
                    + "and changed nothing: " + failure.getMessage() + ". Try again; the error has been logged.",
                    report.listed()));
            log.error("Import {} of {} failed", importId, request.fileName(), failure);
        } finally {
            running.remove(importId);
            delete(request.file());
        }
    }

    private ParsedFile parse(String importId, ImportRequest request, ReportWriter report) {
        long[] lastWrite = {System.nanoTime()};
        try (InputStream input = Files.newInputStream(request.file())) {
            return DataFileParser.parse(input, options(request), report::add, (bytesRead, rowsRead) -> {
                long now = System.nanoTime();
                if (now - lastWrite[0] >= PROGRESS_WRITE_INTERVAL_NANOS) {
                    lastWrite[0] = now;
                    statuses.update(importId, view -> withProgress(view, bytesRead, rowsRead));
                }
            });
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private void finish(String importId, ImportRequest request, ParsedFile parsed, long listed) {
        if (parsed.rowsFatal() > 0 && !request.partial()) {
            String message = parsed.rowsFatal() + " of " + parsed.rowsRead() + " rows failed validation, so the file "
                    + "was rejected and nothing was imported. Correct the rows listed in the report and import the "
                    + "file again, or import it with partial=true to keep only the valid rows.";
            statuses.update(importId, view -> finished(withCounts(view, parsed), ImportStatus.REJECTED, message, listed));
            log.info("Import {} of {} rejected: {} invalid rows", importId, request.fileName(), parsed.rowsFatal());
            return;
        }
        if (parsed.figures().isEmpty()) {
            String message = "No accepted row belongs to a network trust or a predecessor organisation, so nothing "
                    + "was imported.";
            statuses.update(importId, view -> finished(withCounts(view, parsed), ImportStatus.REJECTED, message, listed));
            return;
        }

        RecordImportCommand command = new RecordImportCommand(importId, request.fileName(), parsed.format().name(),
                parsed.periods(), parsed.rowsRead(), parsed.rowsAccepted(), parsed.rowsRejected(),
                parsed.rowsOutsideNetwork(), parsed.figures());
        ImportOutcome outcome;
        try {
            outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(request.metadata()));
        } catch (ConcurrencyException raced) {
            // Another run stored the same file a moment earlier; the event store's key kept one.
            outcome = ImportOutcome.alreadyImported(importId, request.fileName(), Instant.now());
        }

        ImportStatus status = outcome.alreadyImported() ? ImportStatus.ALREADY_IMPORTED : ImportStatus.IMPORTED;
        String message = outcome.alreadyImported()
                ? "This file was already imported, so nothing changed."
                : "Imported " + parsed.figures().size() + " organisation-months for " + String.join(", ", parsed.periods())
                        + (parsed.rowsRejected() > 0 ? "; " + parsed.rowsRejected() + " rows left out, listed in the report" : "")
                        + ".";
        statuses.update(importId, view -> finished(withCounts(view, parsed), status, message, listed));
        log.info("Import {} of {}: {} ({} rows accepted, {} rejected)", importId, request.fileName(), status,
                parsed.rowsAccepted(), parsed.rowsRejected());
    }

    private DataFileParser.Options options(ImportRequest request) {
        return new DataFileParser.Options(request.fileName(), request.period(), YearMonth.now(),
                organisations::isNetworkOrganisation);
    }

    private static ImportStatusView withStatus(ImportStatusView view, ImportStatus status, String message) {
        return new ImportStatusView(view.importId(), view.fileName(), view.format(), status, view.bytesTotal(),
                view.bytesRead(), view.rowsRead(), view.rowsAccepted(), view.rowsRejected(), view.rowsOutsideNetwork(),
                view.rejectedRowsListed(), view.periods(), message, view.partial(), view.startedBy(), view.startedAt(),
                view.finishedAt());
    }

    private static ImportStatusView withProgress(ImportStatusView view, long bytesRead, long rowsRead) {
        return new ImportStatusView(view.importId(), view.fileName(), view.format(), view.status(), view.bytesTotal(),
                bytesRead, rowsRead, view.rowsAccepted(), view.rowsRejected(), view.rowsOutsideNetwork(),
                view.rejectedRowsListed(), view.periods(), view.message(), view.partial(), view.startedBy(),
                view.startedAt(), view.finishedAt());
    }

    private static ImportStatusView withCounts(ImportStatusView view, ParsedFile parsed) {
        return new ImportStatusView(view.importId(), view.fileName(), parsed.format().name(), view.status(),
                view.bytesTotal(), view.bytesTotal(), parsed.rowsRead(), parsed.rowsAccepted(), parsed.rowsRejected(),
                parsed.rowsOutsideNetwork(), view.rejectedRowsListed(), parsed.periods(), view.message(), view.partial(),
                view.startedBy(), view.startedAt(), view.finishedAt());
    }

    private static ImportStatusView finished(ImportStatusView view, ImportStatus status, String message, long listed) {
        return new ImportStatusView(view.importId(), view.fileName(), view.format(), status, view.bytesTotal(),
                view.bytesTotal(), view.rowsRead(), view.rowsAccepted(), view.rowsRejected(), view.rowsOutsideNetwork(),
                listed, view.periods(), message, view.partial(), view.startedBy(), view.startedAt(), Instant.now());
    }

    static String checksum(Path file) {
        try (InputStream input = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[64 * 1024];
            while (input.read(buffer) >= 0) {
                // Reading feeds the digest.
            }
            return HexFormat.of().formatHex(((DigestInputStream) input).getMessageDigest().digest());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", missing);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException failure) {
            log.warn("Temporary import file {} could not be deleted", file, failure);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
