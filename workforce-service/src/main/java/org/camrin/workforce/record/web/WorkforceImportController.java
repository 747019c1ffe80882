package org.camrin.workforce.record.web;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camrin.workforce.TrustAccess;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.api.WorkforceRecordCommands.ImportMonthlyReturnsCommand;
import org.camrin.workforce.record.api.WorkforceRecordCommands.ImportedMonth;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.camrin.workforce.record.command.WorkforceRecordRules;
import org.camrin.workforce.record.query.WorkforceRecordQueries;
import org.camrin.workforce.record.web.WorkforceReturnCsv.ReturnRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workforce returns imported from a CSV file. The whole file is checked first and a file with any
 * bad row is rejected with every bad row listed and nothing stored. A valid file is stored by one
 * command per staff group, all inside one database transaction, so it is stored whole or not at all.
 */
@RestController
class WorkforceImportController {

    private static final Logger log = LoggerFactory.getLogger(WorkforceImportController.class);
    private static final URI REJECTED_TYPE = URI.create("https://camrin.invalid/problems/invalid-workforce-return");

    private final CommandGateway commands;
    private final WorkforceRecordQueries queries;
    private final TransactionTemplate transaction;
    private final RecordProjectionWait projectionWait;
    private final Clock clock;

    WorkforceImportController(CommandGateway commands, WorkforceRecordQueries queries, TransactionTemplate transaction,
            RecordProjectionWait projectionWait, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.transaction = transaction;
        this.projectionWait = projectionWait;
        this.clock = clock;
    }

    /** Report of an accepted file: how many rows it recorded, corrected and left unchanged. */
    record ImportReport(String importId, String trust, int rows, int recorded, int corrected, int unchanged) {
    }

    @GetMapping(value = "/api/workforce/imports/template", produces = "text/csv")
    String template() {
        return WorkforceReturnCsv.template();
    }

    @PostMapping(value = "/api/workforce/trusts/{trust}/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> importReturns(@PathVariable String trust, @RequestBody(required = false) String content) {
        String odsCode = TrustAccess.requireTrust(trust);
        TrustAccess.requireChangeRights(odsCode);
        Map<StaffGroup, NavigableMap<YearMonth, MonthlyFigures>> stored = new EnumMap<>(StaffGroup.class);
        queries.seriesOfTrust(odsCode).forEach((group, series) -> stored.put(group, series.byMonth()));

        WorkforceReturnCsv.Result result = WorkforceReturnCsv.check(content, odsCode,
                WorkforceRecordRules.currentMonth(clock), stored);
        if (!result.accepted()) {
            log.info("Workforce return file for {} rejected with {} row errors", odsCode, result.errors().size());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(rejection(odsCode, result.errors()));
        }

        String importId = UUID.randomUUID().toString();
        Map<StaffGroup, List<ImportedMonth>> byGroup = new LinkedHashMap<>();
        int recorded = 0;
        int corrected = 0;
        for (ReturnRow row : result.rows().stream().sorted((left, right) -> left.month().compareTo(right.month())).toList()) {
            byGroup.computeIfAbsent(row.staffGroup(), group -> new ArrayList<>())
                    .add(new ImportedMonth(row.month(), row.figures()));
            MonthlyFigures existing = stored.getOrDefault(row.staffGroup(), new TreeMap<>()).get(row.month());
            if (existing == null) {
                recorded++;
            } else if (!existing.equals(row.figures())) {
                corrected++;
            }
        }
        // NOTE: the rollback of earlier groups when a later command fails relies on Axon's Spring
        // transaction manager joining this transaction; no test forces that failure, because the
        // checks above reject every bad row first.
        transaction.executeWithoutResult(status -> byGroup.forEach((group, months) -> commands.sendAndWait(
                new ImportMonthlyReturnsCommand(new WorkforceRecordId(odsCode, group), importId, months))));
        byGroup.keySet().forEach(group -> projectionWait.await(new WorkforceRecordId(odsCode, group)));
        ImportReport report = new ImportReport(importId, odsCode, result.rows().size(), recorded, corrected,
                result.rows().size() - recorded - corrected);
        log.info("Workforce return file {} for {} stored: {} recorded, {} corrected, {} unchanged", importId, odsCode,
                report.recorded(), report.corrected(), report.unchanged());

        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    private static ProblemDetail rejection(String trust, List<WorkforceReturnCsv.RowError> errors) {
        long badLines = errors.stream().map(WorkforceReturnCsv.RowError::line).distinct().count();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The workforce return for "
                + trust + " was rejected and nothing was stored: " + badLines
                + " line(s) are invalid. Fix the lines listed under errors and send the whole file again.");
        problem.setType(REJECTED_TYPE);
        problem.setTitle("Invalid workforce return");
        problem.setInstance(URI.create("/api/workforce/trusts/" + trust + "/imports"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
