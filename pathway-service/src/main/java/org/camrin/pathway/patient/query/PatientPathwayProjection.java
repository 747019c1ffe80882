package org.camrin.pathway.patient.query;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the patient pathway query models up to date. Each document stores the sequence number
 * of the last event applied, and an event at or below it is skipped.
 */
@Component
@ProcessingGroup(PatientPathwayProjection.PROCESSING_GROUP)
class PatientPathwayProjection {

    static final String PROCESSING_GROUP = "patient-pathway-projection";

    private static final Logger log = LoggerFactory.getLogger(PatientPathwayProjection.class);

    private final MongoTemplate mongo;

    PatientPathwayProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PatientPathwayStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (mongo.findById(event.pathwayId(), PatientPathwayView.class) != null) {
            return;
        }
        mongo.save(new PatientPathwayView(event.pathwayId(), event.trust(), event.pathwayCode(), event.pathwayVersion(),
                event.patientKeyId(), event.sealedPseudonym(), PatientPathwayStatus.ACTIVE, event.startedAt(),
                event.steps().stream()
                        .map(step -> new PatientPathwayView.Step(step.key(), step.name(), step.target(),
                                step.measuredFrom(), event.dueAt().get(step.key()), null, null, null, null))
                        .toList(),
                null, at, sequence));
    }

    @EventHandler
    void on(StepCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> reschedule(view.withStep(event.stepKey(),
                step -> step.withCompletion(event.completedAt(), event.dueAt(), event.withinTarget(), event.lateBy()),
                at, sequence), event.scheduled(), at, sequence));
    }

    @EventHandler
    void on(StepTargetMeasuredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> view.withStep(event.stepKey(),
                step -> step.withCompletion(event.completedAt(), event.dueAt(), event.withinTarget(), event.lateBy()),
                at, sequence));
    }

    @EventHandler
    void on(TargetBreachedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> view.withStep(event.stepKey(),
                step -> step.withBreach(event.detectedAt()), at, sequence));
    }

    @EventHandler
    void on(PatientPathwayPausedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> view.withStatus(PatientPathwayStatus.PAUSED, event.reason(), at,
                sequence));
    }

    @EventHandler
    void on(PatientPathwayResumedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> reschedule(view.withStatus(PatientPathwayStatus.ACTIVE, null, at,
                sequence), event.rescheduled(), at, sequence));
    }

    @EventHandler
    void on(PatientPathwayCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> view.withStatus(PatientPathwayStatus.COMPLETED, event.reason(), at,
                sequence));
    }

    @EventHandler
    void on(PatientPathwayCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> view.withStatus(PatientPathwayStatus.CANCELLED, event.reason(), at,
                sequence));
    }

    @EventHandler
    void on(PatientPathwayErasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.pathwayId(), sequence, view -> view.erased(at, sequence));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(PatientPathwayView.class);
        log.info("Patient pathway query models dropped for a replay");
    }

    private static PatientPathwayView reschedule(PatientPathwayView view, Map<String, Instant> dueTimes, Instant at,
            long sequence) {
        PatientPathwayView result = view;
        for (Map.Entry<String, Instant> due : dueTimes.entrySet()) {
            result = result.withStep(due.getKey(), step -> step.withDue(due.getValue()), at, sequence);
        }
        return result;
    }

    private void update(String pathwayId, long sequence, UnaryOperator<PatientPathwayView> change) {
        PatientPathwayView view = mongo.findById(pathwayId, PatientPathwayView.class);
        if (view == null) {
            throw new IllegalStateException("Patient pathway " + pathwayId + " has no query model for event " + sequence);
        }
        if (view.sequence() >= sequence) {
            return;
        }
        mongo.save(change.apply(view));
    }
}
