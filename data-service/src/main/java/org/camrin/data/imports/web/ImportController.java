package org.camrin.data.imports.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camrin.data.imports.ImportService;
import org.camrin.data.imports.ImportService.ImportRequest;
import org.camrin.data.imports.parsing.FileRejectedException;
import org.camrin.data.imports.parsing.RowRejection;
import org.camrin.data.imports.query.ImportStatusStore;
import org.camrin.data.imports.query.ImportStatusView;
import org.camrin.data.imports.query.ImportStatusView.ImportStatus;
import org.camrin.identity.security.CamrinUser;
import org.camrin.identity.security.CommandMetadataInterceptor;
import org.camrin.identity.security.CorrelationIdFilter;
import org.camrin.identity.security.CurrentUser;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * File imports. Data analysts and network admins import; everyone who reads all figures may
 * follow an import's progress and report.
 */
@RestController
@RequestMapping("/api/data/imports")
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);
    private static final String IMPORTERS = "hasAnyRole('data-analyst', 'network-admin')";
    private static final String READERS = "hasAnyRole('data-analyst', 'programme-manager', 'network-admin')";

    private final ImportService imports;
    private final ImportStatusStore statuses;

    ImportController(ImportService imports, ImportStatusStore statuses) {
        this.imports = imports;
        this.statuses = statuses;
    }

    /** An import run with one page of its rejected rows. */
    record ImportResponse(String importId, String fileName, String format, ImportStatus status, int percent,
            long rowsRead, long rowsAccepted, long rowsRejected, long rowsOutsideNetwork, List<String> periods,
            String message, boolean partial, String startedBy, String startedAt, String finishedAt,
            long rejectedRowsListed, int page, int pages, List<RowRejection> rejectedRows) {

        static ImportResponse of(ImportStatusView view, int page, List<RowRejection> rows) {
            int pages = (int) ((view.rejectedRowsListed() + ImportStatusStore.PAGE_SIZE - 1) / ImportStatusStore.PAGE_SIZE);
            return new ImportResponse(view.importId(), view.fileName(), view.format(), view.status(), view.percent(),
                    view.rowsRead(), view.rowsAccepted(), view.rowsRejected(), view.rowsOutsideNetwork(),
                    view.periods(), view.message(), view.partial(), view.startedBy(),
                    view.startedAt() == null ? null : view.startedAt().toString(),
                    view.finishedAt() == null ? null : view.finishedAt().toString(),
                    view.rejectedRowsListed(), page, pages, rows);
        }
    }

    @PostMapping(consumes = "multipart/form-data")
    @PreAuthorize(IMPORTERS)
    ResponseEntity<ImportResponse> upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) YearMonth period,
            @RequestParam(defaultValue = "false") boolean partial) {
        if (file == null) {
            throw new InvalidInputException("file", "Send the CSV file as the multipart part named 'file'.");
        }
        CamrinUser user = CurrentUser.get();
        Path copy = store(file);
        String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.csv"
                : Path.of(file.getOriginalFilename()).getFileName().toString();

        ImportStatusView view;
        try {
            view = imports.submit(new ImportRequest(copy, fileName, period, partial, user.username(), metadata(user)));
        } catch (FileRejectedException rejected) {
            log.info("Upload of {} by {} rejected: {}", fileName, user.username(), rejected.getMessage());
            throw new InvalidInputException(rejected.field(), rejected.getMessage());
        }

        ImportResponse response = ImportResponse.of(view, 1, List.of());
        if (view.status() == ImportStatus.ALREADY_IMPORTED) {
            return ResponseEntity.ok(response);
        }
        return ResponseEntity.accepted().location(URI.create("/api/data/imports/" + view.importId())).body(response);
    }

    @GetMapping("/{importId}")
    @PreAuthorize(READERS)
    ImportResponse get(@PathVariable String importId, @RequestParam(defaultValue = "1") int page) {
        if (page < 1) {
            throw new InvalidInputException("page", "Pages are numbered from 1.");
        }
        ImportStatusView view = statuses.find(importId).orElseThrow(() -> new NotFoundException(
                "No import has id '" + importId + "'. An import id is the file's SHA-256 checksum, returned by "
                        + "POST /api/data/imports."));
        return ImportResponse.of(view, page, statuses.rejectedRows(importId, page));
    }

    private static Path store(MultipartFile file) {
        try {
            Path copy = Files.createTempFile("camrin-import-", ".csv");
            file.transferTo(copy);
            return copy;
        } catch (IOException failure) {
            throw new UncheckedIOException("The uploaded file could not be stored for import", failure);
        }
    }

    private static Map<String, Object> metadata(CamrinUser user) {
        return Map.of(CommandMetadataInterceptor.USER_ID, user.userId(),
                CommandMetadataInterceptor.USERNAME, user.username(),
                CommandMetadataInterceptor.TRUST, user.trust().orElse(""),
                CommandMetadataInterceptor.CORRELATION_ID, CorrelationIdFilter.current());
    }
}
