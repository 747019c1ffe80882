package org.camrin.workforce.record.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.WorkforceRecordCommands.CorrectMonthlyReturnCommand;
import org.camrin.workforce.record.api.WorkforceRecordCommands.ImportMonthlyReturnsCommand;
import org.camrin.workforce.record.api.WorkforceRecordCommands.ImportedMonth;
import org.camrin.workforce.record.api.WorkforceRecordCommands.RecordMonthlyReturnCommand;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnCorrectedEvent;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnRecordedEvent;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.camrin.workforce.record.command.WorkforceRecordRules.NoReturnToCorrectException;
import org.camrin.workforce.record.command.WorkforceRecordRules.ReturnAlreadyRecordedException;

/**
 * The workforce record of one trust and staff group: its monthly returns, each month recorded
 * once and changed only by corrections, so the event history keeps every earlier figure.
 */
@Aggregate
class WorkforceRecordAggregate {

    /** Import reason stored with a correction that a file import made. */
    static final String IMPORT_CORRECTION_REASON = "Corrected by a workforce return import";

    @AggregateIdentifier
    private WorkforceRecordId recordId;
    private final NavigableMap<YearMonth, MonthlyFigures> returns = new TreeMap<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMonthlyReturnCommand command, Clock clock) {
        requireNetworkTrust(command.recordId());
        MonthlyFigures figures = WorkforceRecordRules.checkFigures(command.month(), command.figures(),
                WorkforceRecordRules.currentMonth(clock));
        if (returns.containsKey(command.month())) {
            throw new ReturnAlreadyRecordedException(command.month());
        }
        WorkforceRecordRules.checkLeavers(withMonth(command.month(), figures), command.month());

        apply(new MonthlyReturnRecordedEvent(command.recordId(), command.recordId().trust(),
                command.recordId().staffGroup(), command.month(), figures, null));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CorrectMonthlyReturnCommand command, Clock clock) {
        requireNetworkTrust(command.recordId());
        MonthlyFigures figures = WorkforceRecordRules.checkFigures(command.month(), command.figures(),
                WorkforceRecordRules.currentMonth(clock));
        String reason = WorkforceRecordRules.requireReason(command.reason());
        MonthlyFigures previous = returns.get(command.month());
        if (previous == null) {
            throw new NoReturnToCorrectException(command.month());
        }
        WorkforceRecordRules.checkLeavers(withMonth(command.month(), figures), command.month());

        if (!figures.equals(previous)) {
            apply(new MonthlyReturnCorrectedEvent(command.recordId(), command.recordId().trust(),
                    command.recordId().staffGroup(), command.month(), figures, previous, reason, null));
        }
    }

    /**
     * Checks every imported month against the record and the file's earlier months, then applies
     * them all; one failing month stops the command before any event is applied.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportMonthlyReturnsCommand command, Clock clock) {
        requireNetworkTrust(command.recordId());
        YearMonth currentMonth = WorkforceRecordRules.currentMonth(clock);
        NavigableMap<YearMonth, MonthlyFigures> planned = new TreeMap<>(returns);
        List<Object> events = new ArrayList<>();
        for (ImportedMonth imported : command.months()) {
            MonthlyFigures figures = WorkforceRecordRules.checkFigures(imported.month(), imported.figures(),
                    currentMonth);
            MonthlyFigures previous = planned.put(imported.month(), figures);
            WorkforceRecordRules.checkLeavers(planned, imported.month());
            events.add(previous == null
                    ? new MonthlyReturnRecordedEvent(command.recordId(), command.recordId().trust(),
                            command.recordId().staffGroup(), imported.month(), figures, command.importId())
                    : figures.equals(previous) ? null
                    : new MonthlyReturnCorrectedEvent(command.recordId(), command.recordId().trust(),
                            command.recordId().staffGroup(), imported.month(), figures, previous,
                            IMPORT_CORRECTION_REASON, command.importId()));
        }

        events.stream().filter(event -> event != null).forEach(event -> apply(event));
    }

    private NavigableMap<YearMonth, MonthlyFigures> withMonth(YearMonth month, MonthlyFigures figures) {
        NavigableMap<YearMonth, MonthlyFigures> changed = new TreeMap<>(returns);
        changed.put(month, figures);
        return changed;
    }

    private static void requireNetworkTrust(WorkforceRecordId recordId) {
        if (NetworkTrust.fromOdsCode(recordId.trust()).filter(trust -> trust.odsCode().equals(recordId.trust()))
                .isEmpty()) {
            throw new InvalidInputException("trust", "'" + recordId.trust()
                    + "' is not the ODS code of a network trust. Use one of " + NetworkTrust.odsCodes() + ".");
        }
    }

    @EventSourcingHandler
    void on(MonthlyReturnRecordedEvent event) {
        recordId = event.recordId();
        returns.put(event.month(), event.figures());
    }

    @EventSourcingHandler
    void on(MonthlyReturnCorrectedEvent event) {
        recordId = event.recordId();
        returns.put(event.month(), event.figures());
    }

    /** Axon creates the record through this constructor, and rebuilds it from its events. */
    WorkforceRecordAggregate() {
    }
}
