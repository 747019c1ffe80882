package org.camrin.pathway.patient.deadline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCancelledEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayErasedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayPausedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayResumedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayStartedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.TargetBreachedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadline table in step with the event store. Every write is an upsert or a delete by
 * key, so handling an event again after a crash or a replay leaves the same rows.
 */
@Component
@ProcessingGroup(DeadlineProjection.PROCESSING_GROUP)
class DeadlineProjection {

    static final String PROCESSING_GROUP = "pathway-deadlines";

    private final DeadlineStore deadlines;

    DeadlineProjection(DeadlineStore deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(PatientPathwayStartedEvent event) {
        event.dueAt().forEach((step, due) -> deadlines.schedule(event.pathwayId(), step, due));
    }

    @EventHandler
    void on(StepCompletedEvent event) {
        deadlines.cancel(event.pathwayId(), event.stepKey());
        event.scheduled().forEach((step, due) -> deadlines.schedule(event.pathwayId(), step, due));
    }

    @EventHandler
    void on(TargetBreachedEvent event) {
        deadlines.cancel(event.pathwayId(), event.stepKey());
    }

    /** Removes a paused pathway's deadlines; they come back, moved later, when it resumes. */
    @EventHandler
    void on(PatientPathwayPausedEvent event) {
        deadlines.cancelAll(event.pathwayId());
    }

    @EventHandler
    void on(PatientPathwayResumedEvent event) {
        event.rescheduled().forEach((step, due) -> deadlines.schedule(event.pathwayId(), step, due));
    }

    @EventHandler
    void on(PatientPathwayCompletedEvent event) {
        deadlines.cancelAll(event.pathwayId());
    }

    @EventHandler
    void on(PatientPathwayCancelledEvent event) {
        deadlines.cancelAll(event.pathwayId());
    }

    @EventHandler
    void on(PatientPathwayErasedEvent event) {
        deadlines.cancelAll(event.pathwayId());
    }
}
