package org.camrin.workforce.plan.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.support.web.InvalidInputException;
import org.camrin.support.web.TextFields;
import org.camrin.support.web.NotFoundException;
import org.camrin.support.web.RuleViolationException;
import org.camrin.workforce.plan.api.ActionStatus;
import org.camrin.workforce.plan.api.IntegratedCareSystem;
import org.camrin.workforce.plan.api.PlanCommands.AddPlanActionCommand;
import org.camrin.workforce.plan.api.PlanCommands.ChangePlanActionStatusCommand;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionAddedEvent;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionStatusChangedEvent;
import org.camrin.workforce.record.command.WorkforceRecordRules.DatesOutOfOrderException;

/** The workforce implementation plan of one Integrated Care System: its actions with owner, due date and status. */
@Aggregate
class PlanAggregate {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 2000;
    /** Plans cover the workforce strategy's years; a due date before the network's programme began is a typing error. */
    static final LocalDate EARLIEST_DUE_DATE = LocalDate.of(2016, 1, 1);

    @AggregateIdentifier
    private String icsCode;
    private final Map<UUID, ActionStatus> actions = new HashMap<>();

    static final class DuplicateActionException extends RuleViolationException {
        DuplicateActionException(UUID actionId) {
            super("Action " + actionId + " already exists in this plan.");
        }
    }

    static final class IllegalActionStatusTransitionException extends RuleViolationException {
        IllegalActionStatusTransitionException(ActionStatus from, ActionStatus to) {
            super("An action cannot move from " + from + " to " + to + ". "
                    + (from.allowedNext().isEmpty() ? "A " + from + " action cannot change status."
                            : "From " + from + " it may move to " + from.allowedNext() + "."));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddPlanActionCommand command) {
        IntegratedCareSystem ics = IntegratedCareSystem.fromCode(command.icsCode())
                .orElseThrow(() -> new NotFoundException("'" + command.icsCode()
                        + "' is not the code of an Integrated Care System of the network. Use one of "
                        + IntegratedCareSystem.codes() + "."));
        if (actions.containsKey(command.actionId())) {
            throw new DuplicateActionException(command.actionId());
        }
        String title = TextFields.required("title", command.title(), MAX_TITLE_LENGTH);
        String owner = TextFields.required("owner", command.owner(), MAX_TITLE_LENGTH);
        if (command.dueDate() == null) {
            throw new InvalidInputException("dueDate", "Send the due date as YYYY-MM-DD.");
        }
        if (command.dueDate().isBefore(EARLIEST_DUE_DATE)) {
            throw new DatesOutOfOrderException("dueDate", "The due date " + command.dueDate() + " is before "
                    + EARLIEST_DUE_DATE + ", when the network's joint programme began.");
        }

        apply(new PlanActionAddedEvent(ics.code(), command.actionId(), title, owner, command.dueDate(),
                command.initiativeId()));
    }

    @CommandHandler
    void handle(ChangePlanActionStatusCommand command) {
        ActionStatus current = actions.get(command.actionId());
        if (current == null) {
            throw new NotFoundException("Action " + command.actionId() + " does not exist in the plan of " + icsCode + ".");
        }
        if (command.status() == null) {
            throw new InvalidInputException("status", "Send the new status, one of " + List.of(ActionStatus.values()) + ".");
        }
        if (!current.canMoveTo(command.status())) {
            throw new IllegalActionStatusTransitionException(current, command.status());
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException("reason", "Must be at most " + MAX_TEXT_LENGTH + " characters.");
        }

        apply(new PlanActionStatusChangedEvent(icsCode, command.actionId(), current, command.status(), reason));
    }

    @EventSourcingHandler
    void on(PlanActionAddedEvent event) {
        icsCode = event.icsCode();
        actions.put(event.actionId(), ActionStatus.NOT_STARTED);
    }

    @EventSourcingHandler
    void on(PlanActionStatusChangedEvent event) {
        actions.put(event.actionId(), event.to());
    }

    /** Axon creates the plan through this constructor, and rebuilds it from its events. */
    PlanAggregate() {
    }
}
