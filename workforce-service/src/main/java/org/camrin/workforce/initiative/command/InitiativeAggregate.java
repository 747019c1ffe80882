package org.camrin.workforce.initiative.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.TextFields;
import org.camrin.workforce.initiative.api.InitiativeCommands.ChangeInitiativeStatusCommand;
import org.camrin.workforce.initiative.api.InitiativeCommands.ProposeInitiativeCommand;
import org.camrin.workforce.initiative.api.InitiativeCommands.RecordInitiativeEffectCommand;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeEffectRecordedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeProposedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeStatusChangedEvent;
import org.camrin.workforce.initiative.api.InitiativeId;
import org.camrin.workforce.initiative.api.InitiativeStatus;
import org.camrin.workforce.initiative.command.InitiativeRuleViolations.EffectBeforeStartException;
import org.camrin.workforce.initiative.command.InitiativeRuleViolations.IllegalInitiativeStatusTransitionException;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.command.WorkforceRecordRules.DatesOutOfOrderException;

/**
 * A Star-model initiative of the workforce programme: its theme, the staff groups and trusts it
 * involves, its planned and actual effect on staff in post, its dates and its status.
 */
@Aggregate
class InitiativeAggregate {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2000;
    static final double MAX_EFFECT_WTE = 10_000;

    @AggregateIdentifier
    private InitiativeId initiativeId;
    private InitiativeStatus status;
    private LocalDate startDate;
    private LocalDate actualStartDate;
    private Double actualWteEffect;

    @CommandHandler
    InitiativeAggregate(ProposeInitiativeCommand command) {
        String title = TextFields.required("title", command.title(), MAX_TITLE_LENGTH);
        if (command.theme() == null) {
            throw new InvalidInputException("theme", "Send the Star-model theme: SUPPLY, UP_SKILLING, NEW_ROLES, "
                    + "NEW_WAYS_OF_WORKING or LEADERSHIP_AND_MANAGEMENT.");
        }
        List<String> groups = staffGroups(command.staffGroups());
        List<String> trusts = trusts(command.trusts());
        double planned = requireEffect("plannedWteEffect", command.plannedWteEffect());
        if (command.startDate() == null) {
            throw new InvalidInputException("startDate", "Send the start date as YYYY-MM-DD.");
        }
        if (command.plannedEndDate() == null) {
            throw new InvalidInputException("plannedEndDate", "Send the planned end date as YYYY-MM-DD.");
        }
        if (command.plannedEndDate().isBefore(command.startDate())) {
            throw new DatesOutOfOrderException("plannedEndDate", "The planned end " + command.plannedEndDate()
                    + " is before the start " + command.startDate() + ". Send an end on or after the start.");
        }

        apply(new InitiativeProposedEvent(command.initiativeId(), title, command.theme(), groups, trusts, planned,
                command.startDate(), command.plannedEndDate()));
    }

    @CommandHandler
    void handle(ChangeInitiativeStatusCommand command) {
        if (command.status() == null) {
            throw new InvalidInputException("status", "Send the new status, one of "
                    + List.of(InitiativeStatus.values()) + ".");
        }
        if (!status.canMoveTo(command.status())) {
            throw new IllegalInitiativeStatusTransitionException(status, command.status(), status.allowedNext());
        }
        if (command.effectiveOn() == null) {
            throw new InvalidInputException("effectiveOn", "Send the day the status changed as YYYY-MM-DD.");
        }
        if (command.status() == InitiativeStatus.COMPLETED && actualStartDate != null
                && command.effectiveOn().isBefore(actualStartDate)) {
            throw new DatesOutOfOrderException("effectiveOn", "The initiative cannot complete on "
                    + command.effectiveOn() + ", before it started on " + actualStartDate + ".");
        }
        String reason = TextFields.optional("reason", command.reason(), MAX_TEXT_LENGTH);

        apply(new InitiativeStatusChangedEvent(initiativeId, status, command.status(), command.effectiveOn(), reason));
    }

    @CommandHandler
    void handle(RecordInitiativeEffectCommand command) {
        if (status != InitiativeStatus.IN_PROGRESS && status != InitiativeStatus.COMPLETED) {
            throw new EffectBeforeStartException(status);
        }
        double actual = requireEffect("actualWteEffect", command.actualWteEffect());
        if (command.measuredOn() == null) {
            throw new InvalidInputException("measuredOn", "Send the day the effect was measured as YYYY-MM-DD.");
        }
        LocalDate started = actualStartDate == null ? startDate : actualStartDate;
        if (command.measuredOn().isBefore(started)) {
            throw new DatesOutOfOrderException("measuredOn", "An effect measured on " + command.measuredOn()
                    + " comes before the initiative started on " + started + ".");
        }

        apply(new InitiativeEffectRecordedEvent(initiativeId, actual, command.measuredOn(), actualWteEffect));
    }

    private static List<String> staffGroups(Set<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("staffGroups", "Send at least one staff group: " + StaffGroup.ids() + ".");
        }
        List<String> groups = new ArrayList<>();
        for (String id : ids) {
            StaffGroup group = StaffGroup.fromId(id).orElseThrow(() -> new InvalidInputException("staffGroups",
                    "'" + id + "' is not a staff group. Use one of " + StaffGroup.ids() + "."));
            groups.add(group.id());
        }
        return groups.stream().distinct().sorted().toList();
    }

    private static List<String> trusts(Set<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InvalidInputException("trusts", "Send at least one trust's ODS code: "
                    + NetworkTrust.odsCodes() + ".");
        }
        List<String> trusts = new ArrayList<>();
        for (String code : codes) {
            trusts.add(NetworkTrust.fromOdsCode(code).map(NetworkTrust::odsCode)
                    .orElseThrow(() -> new InvalidInputException("trusts", "'" + code
                            + "' is not the ODS code of a network trust. Use one of " + NetworkTrust.odsCodes() + ".")));
        }
        return trusts.stream().distinct().sorted().toList();
    }

    private static double requireEffect(String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new InvalidInputException(field, "Send the effect on staff in post in WTE, for example 4.5.");
        }
        if (Math.abs(value) > MAX_EFFECT_WTE) {
            throw new InvalidInputException(field, "Must be between -" + (int) MAX_EFFECT_WTE + " and "
                    + (int) MAX_EFFECT_WTE + " WTE, but is " + value + ".");
        }
        return value;
    }

    @EventSourcingHandler
    void on(InitiativeProposedEvent event) {
        initiativeId = event.initiativeId();
        status = InitiativeStatus.PROPOSED;
        startDate = event.startDate();
    }

    @EventSourcingHandler
    void on(InitiativeStatusChangedEvent event) {
        status = event.to();
        if (event.to() == InitiativeStatus.IN_PROGRESS) {
            actualStartDate = event.effectiveOn();
        }
    }

    @EventSourcingHandler
    void on(InitiativeEffectRecordedEvent event) {
        actualWteEffect = event.actualWteEffect();
    }

    /** Axon rebuilds the aggregate from its events through this constructor. */
    InitiativeAggregate() {
    }
}
