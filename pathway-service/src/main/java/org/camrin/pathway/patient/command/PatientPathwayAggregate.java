package org.camrin.pathway.patient.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.pathway.patient.api.PatientCommands.CancelPatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.CompletePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.ErasePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.PausePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.RecordStepCompletionCommand;
import org.camrin.pathway.patient.api.PatientCommands.RecordTargetBreachCommand;
import org.camrin.pathway.patient.api.PatientCommands.ResumePatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientCommands.StartPatientPathwayCommand;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCancelledEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayErasedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayPausedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayResumedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayStartedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepTargetMeasuredEvent;
import org.camrin.pathway.patient.api.PatientEvents.TargetBreachedEvent;
import org.camrin.pathway.patient.api.PatientPathwayStatus;
import org.camrin.pathway.patient.api.ReportedTimes;
import org.camrin.pathway.patient.identity.NhsNumber;
import org.camrin.pathway.patient.command.PatientRuleViolations.PathwayClosedException;
import org.camrin.pathway.patient.command.PatientRuleViolations.PathwayNotActiveException;
import org.camrin.pathway.patient.command.PatientRuleViolations.PathwayNotPausedException;
import org.camrin.pathway.patient.command.PatientRuleViolations.StepAlreadyRecordedException;
import org.camrin.support.network.NetworkTrust;
import org.camrin.support.web.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One patient's journey along an adopted pathway version: step completions at their real times,
 * due times, breaches, pauses and closing.
 *
 * <p>Submissions arrive late, twice and out of order from clinical systems, so the aggregate
 * accepts any completion time between the start and now, treats a repeat with the same time as
 * already done, and works out a step's timing once the step it is measured from is known.
 */
@Aggregate
class PatientPathwayAggregate {

    static final Duration CLOCK_TOLERANCE = ReportedTimes.CLOCK_TOLERANCE;
    static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private String pathwayId;
    private String trust;
    private String pathwayCode;
    private int pathwayVersion;
    private Instant startedAt;
    private PatientPathwayStatus status;
    private Instant pausedAt;
    private final Map<String, PathwayStep> steps = new LinkedHashMap<>();
    private final Map<String, Instant> dueAt = new HashMap<>();
    private final Map<String, Instant> completedAt = new HashMap<>();
    private final Set<String> breached = new HashSet<>();

    @CommandHandler
    PatientPathwayAggregate(StartPatientPathwayCommand command) {
        if (NetworkTrust.fromOdsCode(command.trust()).isEmpty()) {
            throw new InvalidInputException("trust", "'" + command.trust() + "' is not the ODS code of a network "
                    + "trust. Use one of " + NetworkTrust.odsCodes() + ".");
        }
        if (command.steps() == null || command.steps().isEmpty()) {
            throw new IllegalArgumentException("A patient pathway needs the steps of its pathway version");
        }
        Instant start = requireTime("startedAt", command.startedAt(), command.now());
        Map<String, Instant> due = new LinkedHashMap<>();
        for (PathwayStep step : command.steps()) {
            if (step.measuredFrom() == null) {
                due.put(step.key(), start.plus(step.target()));
            }
        }

        apply(new PatientPathwayStartedEvent(command.pathwayId(), command.trust(), command.pathwayCode(),
                command.pathwayVersion(), command.patientKeyId(), command.sealedPseudonym(),
                List.copyOf(command.steps()), start, due));
    }

    @CommandHandler
    void handle(RecordStepCompletionCommand command) {
        requireOpen();
        requireOwnTrust(command.actingTrust());
        PathwayStep step = steps.get(command.stepKey());
        if (step == null) {
            throw new InvalidInputException("stepKey", "'" + command.stepKey() + "' is not a step of pathway "
                    + pathwayCode + " version " + pathwayVersion + ". Use one of " + steps.keySet() + ".");
        }
        Instant at = requireTime("completedAt", command.completedAt(), command.now());
        if (at.isBefore(startedAt)) {
            throw new InvalidInputException("completedAt", "The step cannot be completed before the pathway "
                    + "started at " + startedAt + ".");
        }
        Instant recorded = completedAt.get(step.key());
        if (recorded != null && recorded.equals(at)) {
            return;
        }
        if (recorded != null) {
            throw new StepAlreadyRecordedException(step.key(), recorded);
        }

        // NOTE: a step completed while the pathway is paused is measured against its due time before
        // the pause, because the pause's length is known only when the pathway resumes.
        Instant due = dueAt.get(step.key());
        boolean late = due != null && at.isAfter(due);
        if (late && !breached.contains(step.key())) {
            // Submitted after its due time: the target passed without the step, so the breach is recorded first.
            apply(new TargetBreachedEvent(pathwayId, trust, pathwayCode, pathwayVersion, step.key(), due,
                    command.now()));
        }
        Map<String, Instant> scheduled = new LinkedHashMap<>();
        for (PathwayStep later : steps.values()) {
            if (step.key().equals(later.measuredFrom()) && !completedAt.containsKey(later.key())) {
                scheduled.put(later.key(), at.plus(later.target()));
            }
        }
        Duration elapsed = null;
        Boolean withinTarget = null;
        Duration lateBy = null;
        if (due != null) {
            elapsed = step.target().plus(Duration.between(due, at));
            withinTarget = !late;
            lateBy = late ? Duration.between(due, at) : Duration.ZERO;
        }
        apply(new StepCompletedEvent(pathwayId, trust, pathwayCode, pathwayVersion, step.key(), at, due, elapsed,
                withinTarget, lateBy, breached.contains(step.key()), scheduled));
        measureStepsRecordedEarly(step, at, command.now());
    }

    /** Works out the timing of later steps that were recorded before this one, their anchor, arrived. */
    private void measureStepsRecordedEarly(PathwayStep anchor, Instant anchorAt, Instant now) {
        for (PathwayStep later : steps.values()) {
            Instant laterAt = completedAt.get(later.key());
            if (!anchor.key().equals(later.measuredFrom()) || laterAt == null || dueAt.containsKey(later.key())) {
                continue;
            }
            Instant due = anchorAt.plus(later.target());
            boolean late = laterAt.isAfter(due);
            if (late) {
                apply(new TargetBreachedEvent(pathwayId, trust, pathwayCode, pathwayVersion, later.key(), due, now));
            }
            apply(new StepTargetMeasuredEvent(pathwayId, trust, pathwayCode, pathwayVersion, later.key(), laterAt,
                    due, later.target().plus(Duration.between(due, laterAt)), !late,
                    late ? Duration.between(due, laterAt) : Duration.ZERO));
        }
    }

    /**
     * Records a breach when the step's due time has passed without it. Anything else, such as a
     * step completed meanwhile, a due time moved by a pause, or a closed pathway, changes nothing,
     * so the scheduler may send the command more than once.
     */
    @CommandHandler
    void handle(RecordTargetBreachCommand command) {
        if (status != PatientPathwayStatus.ACTIVE) {
            return;
        }
        Instant due = dueAt.get(command.stepKey());
        if (due == null || due.isAfter(command.detectedAt()) || completedAt.containsKey(command.stepKey())
                || breached.contains(command.stepKey())) {
            return;
        }

        apply(new TargetBreachedEvent(pathwayId, trust, pathwayCode, pathwayVersion, command.stepKey(), due,
                command.detectedAt()));
    }

    @CommandHandler
    void handle(PausePatientPathwayCommand command) {
        requireOpen();
        requireOwnTrust(command.actingTrust());
        if (status != PatientPathwayStatus.ACTIVE) {
            throw new PathwayNotActiveException(status);
        }
        String reason = requireReason(command.reason());

        apply(new PatientPathwayPausedEvent(pathwayId, trust, pathwayCode, pathwayVersion, command.at(), reason));
    }

    /** Resumes the clock: every open due time moves later by the time spent paused. */
    @CommandHandler
    void handle(ResumePatientPathwayCommand command) {
        requireOpen();
        requireOwnTrust(command.actingTrust());
        if (status != PatientPathwayStatus.PAUSED) {
            throw new PathwayNotPausedException(status);
        }
        String reason = requireReason(command.reason());
        Duration pausedFor = Duration.between(pausedAt, command.at());
        if (pausedFor.isNegative()) {
            pausedFor = Duration.ZERO;
        }
        Map<String, Instant> rescheduled = new LinkedHashMap<>();
        for (Map.Entry<String, Instant> due : dueAt.entrySet()) {
            if (!completedAt.containsKey(due.getKey()) && !breached.contains(due.getKey())) {
                rescheduled.put(due.getKey(), due.getValue().plus(pausedFor));
            }
        }

        apply(new PatientPathwayResumedEvent(pathwayId, trust, pathwayCode, pathwayVersion, command.at(), pausedFor,
                reason, rescheduled));
    }

    @CommandHandler
    void handle(CompletePatientPathwayCommand command) {
        requireOpen();
        requireOwnTrust(command.actingTrust());
        String reason = requireReason(command.reason());

        apply(new PatientPathwayCompletedEvent(pathwayId, trust, pathwayCode, pathwayVersion, command.at(), reason));
    }

    @CommandHandler
    void handle(CancelPatientPathwayCommand command) {
        requireOpen();
        requireOwnTrust(command.actingTrust());
        String reason = requireReason(command.reason());

        apply(new PatientPathwayCancelledEvent(pathwayId, trust, pathwayCode, pathwayVersion, command.at(), reason));
    }

    @CommandHandler
    void handle(ErasePatientPathwayCommand command) {
        if (status == PatientPathwayStatus.ERASED) {
            return;
        }

        apply(new PatientPathwayErasedEvent(pathwayId, trust, pathwayCode, pathwayVersion));
    }

    private void requireOpen() {
        if (status.isClosed()) {
            throw new PathwayClosedException(status);
        }
    }

    private void requireOwnTrust(String actingTrust) {
        if (actingTrust == null || !actingTrust.equalsIgnoreCase(trust)) {
            throw new AccessDeniedException("Only staff of trust " + trust + " may change this pathway");
        }
    }

    private static Instant requireTime(String field, Instant time, Instant now) {
        return ReportedTimes.requireWithinWindow(field, time, now);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Send the reason, for example 'Patient choice'.");
        }
        String trimmed = reason.strip();
        if (NhsNumber.appearsIn(trimmed)) {
            throw new InvalidInputException("reason", "The reason seems to contain an NHS number; leave out "
                    + "patient identifiers, which must not be stored.");
        }
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("reason", "Must be at most " + MAX_REASON_LENGTH + " characters, but has "
                    + trimmed.length() + ".");
        }
        return trimmed;
    }

    @EventSourcingHandler
    void on(PatientPathwayStartedEvent event) {
        pathwayId = event.pathwayId();
        trust = event.trust();
        pathwayCode = event.pathwayCode();
        pathwayVersion = event.pathwayVersion();
        startedAt = event.startedAt();
        status = PatientPathwayStatus.ACTIVE;
        event.steps().forEach(step -> steps.put(step.key(), step));
        dueAt.putAll(event.dueAt());
    }

    @EventSourcingHandler
    void on(StepCompletedEvent event) {
        completedAt.put(event.stepKey(), event.completedAt());
        dueAt.putAll(event.scheduled());
    }

    @EventSourcingHandler
    void on(StepTargetMeasuredEvent event) {
        dueAt.put(event.stepKey(), event.dueAt());
    }

    @EventSourcingHandler
    void on(TargetBreachedEvent event) {
        breached.add(event.stepKey());
    }

    @EventSourcingHandler
    void on(PatientPathwayPausedEvent event) {
        status = PatientPathwayStatus.PAUSED;
        pausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(PatientPathwayResumedEvent event) {
        status = PatientPathwayStatus.ACTIVE;
        pausedAt = null;
        dueAt.putAll(event.rescheduled());
    }

    @EventSourcingHandler
    void on(PatientPathwayCompletedEvent event) {
        status = PatientPathwayStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(PatientPathwayCancelledEvent event) {
        status = PatientPathwayStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(PatientPathwayErasedEvent event) {
        status = PatientPathwayStatus.ERASED;
    }

    /** Axon rebuilds the aggregate from its events through this constructor. */
    PatientPathwayAggregate() {
    }
}
