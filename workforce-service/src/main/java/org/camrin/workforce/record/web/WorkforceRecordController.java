package org.camrin.workforce.record.web;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.axon.AggregateHistory;
import org.camrin.support.axon.AggregateHistory.HistoryEntry;
import org.camrin.support.web.NotFoundException;
import org.camrin.workforce.TrustAccess;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.api.WorkforceRecordCommands.CorrectMonthlyReturnCommand;
import org.camrin.workforce.record.api.WorkforceRecordCommands.RecordMonthlyReturnCommand;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.camrin.workforce.record.command.WorkforceRecordRules;
import org.camrin.workforce.record.query.FiguresCalculator;
import org.camrin.workforce.record.query.WorkforceFigures;
import org.camrin.workforce.record.query.WorkforceRecordQueries;
import org.camrin.workforce.record.query.WorkforceSeries;
import org.camrin.workforce.record.web.WorkforceRequests.CorrectionRequest;
import org.camrin.workforce.record.web.WorkforceRequests.MonthlyReturnRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly workforce returns per trust and staff group, and the figures derived from them.
 * Workforce leads and trust admins change their own trust's records; everyone signed in reads
 * the figures of every trust and of the network.
 */
@RestController
class WorkforceRecordController {

    private static final Logger log = LoggerFactory.getLogger(WorkforceRecordController.class);

    private final CommandGateway commands;
    private final WorkforceRecordQueries queries;
    private final AggregateHistory history;
    private final RecordProjectionWait projectionWait;
    private final Clock clock;

    WorkforceRecordController(CommandGateway commands, WorkforceRecordQueries queries, AggregateHistory history,
            RecordProjectionWait projectionWait, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.projectionWait = projectionWait;
        this.clock = clock;
    }

    record StaffGroupResponse(String id, String name) {
    }

    /** A record's returns by month as they stand, with the figures as at its latest month. */
    record SeriesResponse(String recordId, String trust, String staffGroup, Map<String, MonthlyFigures> returns,
            Map<String, WorkforceSeries.ReturnAudit> lastChanged, YearMonth latestMonth, WorkforceFigures latest) {
    }

    record TrustFiguresResponse(String trust, String trustName, YearMonth month, WorkforceFigures total,
            Map<String, WorkforceFigures> staffGroups) {
    }

    record NetworkFiguresResponse(YearMonth month, WorkforceFigures network, Map<String, WorkforceFigures> trusts,
            Map<String, WorkforceFigures> staffGroups) {
    }

    @GetMapping("/api/workforce/staff-groups")
    List<StaffGroupResponse> staffGroups() {
        return Arrays.stream(StaffGroup.values()).map(group -> new StaffGroupResponse(group.id(), group.displayName()))
                .toList();
    }

    @PostMapping("/api/workforce/trusts/{trust}/staff-groups/{staffGroup}/returns")
    ResponseEntity<SeriesResponse> record(@PathVariable String trust, @PathVariable String staffGroup,
            @Valid @RequestBody MonthlyReturnRequest request) {
        WorkforceRecordId recordId = recordId(trust, staffGroup);
        TrustAccess.requireChangeRights(recordId.trust());

        commands.sendAndWait(new RecordMonthlyReturnCommand(recordId, request.month(), request.toFigures()));
        log.info("Workforce return for {} recorded for {}", recordId, request.month());

        return ResponseEntity.created(URI.create(path(recordId))).body(projected(recordId));
    }

    @PostMapping("/api/workforce/trusts/{trust}/staff-groups/{staffGroup}/returns/{month}/corrections")
    SeriesResponse correct(@PathVariable String trust, @PathVariable String staffGroup, @PathVariable YearMonth month,
            @Valid @RequestBody CorrectionRequest request) {
        WorkforceRecordId recordId = recordId(trust, staffGroup);
        TrustAccess.requireChangeRights(recordId.trust());

        commands.sendAndWait(new CorrectMonthlyReturnCommand(recordId, month, request.toFigures(), request.reason()));
        log.info("Workforce return for {} corrected for {}", recordId, month);

        return projected(recordId);
    }

    @GetMapping("/api/workforce/trusts/{trust}/staff-groups/{staffGroup}")
    SeriesResponse series(@PathVariable String trust, @PathVariable String staffGroup) {
        WorkforceRecordId recordId = recordId(trust, staffGroup);
        return queries.findSeries(recordId).map(this::toResponse)
                .orElseThrow(() -> new NotFoundException("No workforce return is recorded for " + recordId.staffGroup().id()
                        + " at " + recordId.trust() + "."));
    }

    @GetMapping("/api/workforce/trusts/{trust}/staff-groups/{staffGroup}/history")
    List<HistoryEntry> history(@PathVariable String trust, @PathVariable String staffGroup) {
        WorkforceRecordId recordId = recordId(trust, staffGroup);
        TrustAccess.requireHistoryRights(recordId.trust());
        return history.of(recordId.toString())
                .orElseThrow(() -> new NotFoundException("No workforce return is recorded for "
                        + recordId.staffGroup().id() + " at " + recordId.trust() + "."));
    }

    @GetMapping("/api/workforce/trusts/{trust}/figures")
    TrustFiguresResponse trustFigures(@PathVariable String trust, @RequestParam(required = false) YearMonth month) {
        String odsCode = TrustAccess.requireTrust(trust);
        YearMonth asAt = month == null ? WorkforceRecordRules.currentMonth(clock) : month;

        Map<StaffGroup, WorkforceSeries> series = queries.seriesOfTrust(odsCode);
        Map<String, WorkforceFigures> byGroup = new LinkedHashMap<>();
        series.forEach((group, groupSeries) -> byGroup.put(group.id(),
                FiguresCalculator.of(groupSeries.byMonth(), asAt)));

        return new TrustFiguresResponse(odsCode, NetworkTrust.valueOf(odsCode).trustName(), asAt,
                FiguresCalculator.sumSeries(series.values(), asAt), byGroup);
    }

    @GetMapping("/api/workforce/network/figures")
    NetworkFiguresResponse networkFigures(@RequestParam(required = false) YearMonth month) {
        YearMonth asAt = month == null ? WorkforceRecordRules.currentMonth(clock) : month;

        Map<String, Map<StaffGroup, WorkforceSeries>> network = queries.seriesOfNetwork();
        Map<String, WorkforceFigures> byTrust = new LinkedHashMap<>();
        Map<StaffGroup, List<NavigableMap<YearMonth, MonthlyFigures>>> byGroup = new TreeMap<>();
        List<NavigableMap<YearMonth, MonthlyFigures>> all = new ArrayList<>();
        network.forEach((trust, groups) -> {
            if (!groups.isEmpty()) {
                byTrust.put(trust, FiguresCalculator.sumSeries(groups.values(), asAt));
            }
            groups.forEach((group, series) -> {
                byGroup.computeIfAbsent(group, ignored -> new ArrayList<>()).add(series.byMonth());
                all.add(series.byMonth());
            });
        });
        Map<String, WorkforceFigures> groupFigures = new LinkedHashMap<>();
        byGroup.forEach((group, records) -> groupFigures.put(group.id(), FiguresCalculator.sum(records, asAt)));

        return new NetworkFiguresResponse(asAt, FiguresCalculator.sum(all, asAt), byTrust, groupFigures);
    }

    static WorkforceRecordId recordId(String trust, String staffGroup) {
        String odsCode = TrustAccess.requireTrust(trust);
        StaffGroup group = StaffGroup.fromId(staffGroup)
                .orElseThrow(() -> new NotFoundException("'" + staffGroup + "' is not a staff group. Staff groups are: "
                        + StaffGroup.ids() + "."));
        return new WorkforceRecordId(odsCode, group);
    }

    private SeriesResponse toResponse(WorkforceSeries series) {
        NavigableMap<YearMonth, MonthlyFigures> returns = series.byMonth();
        YearMonth latest = returns.isEmpty() ? null : returns.lastKey();
        Map<String, MonthlyFigures> ordered = new LinkedHashMap<>();
        returns.forEach((month, figures) -> ordered.put(month.toString(), figures));
        return new SeriesResponse(series.id(), series.trust(), series.staffGroup(), ordered, series.audit(), latest,
                latest == null ? null : FiguresCalculator.of(returns, latest));
    }

    private static String path(WorkforceRecordId recordId) {
        return "/api/workforce/trusts/" + recordId.trust() + "/staff-groups/" + recordId.staffGroup().id();
    }

    private SeriesResponse projected(WorkforceRecordId recordId) {
        projectionWait.await(recordId);
        return queries.findSeries(recordId).map(this::toResponse)
                .orElseThrow(() -> new NotFoundException("The return for " + recordId
                        + " is stored but not yet readable. Read it again in a moment."));
    }
}
