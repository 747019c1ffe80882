package org.camrin.pathway.patient.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camrin.pathway.definition.api.PathwayStep;

/**
 * Events of a patient's pathway as stored in the event store. Each carries the trust, pathway
 * code and version, so compliance figures and the feed need no other lookup. None carries an
 * NHS number or a readable pseudonym: the pseudonym is sealed under the patient's key.
 */
public final class PatientEvents {

    private PatientEvents() {
    }

    /**
     * @param patientKeyId    random id of the patient's key in the key store
     * @param sealedPseudonym the pseudonym encrypted under that key; unreadable once it is erased
     * @param dueAt           due time of each step measured from the start
     */
    public record PatientPathwayStartedEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion,
            String patientKeyId, String sealedPseudonym, List<PathwayStep> steps, Instant startedAt,
            Map<String, Instant> dueAt) {
    }

    /**
     * A step's real completion time. The timing fields are null when the step's target is measured
     * from a step not yet recorded; a {@link StepTargetMeasuredEvent} follows once it is.
     *
     * @param elapsed      time from the anchor to completion, net of pauses
     * @param lateBy       time after the due time; zero when within target
     * @param scheduled    due times of later steps measured from this one
     */
    public record StepCompletedEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion,
            String stepKey, Instant completedAt, Instant dueAt, Duration elapsed, Boolean withinTarget,
            Duration lateBy, boolean breachedBefore, Map<String, Instant> scheduled) {
    }

    /** Timing of a step recorded before the step it is measured from, worked out once that step arrived. */
    public record StepTargetMeasuredEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion,
            String stepKey, Instant completedAt, Instant dueAt, Duration elapsed, boolean withinTarget,
            Duration lateBy) {
    }

    /** A step's due time passed without the step. */
    public record TargetBreachedEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion,
            String stepKey, Instant dueAt, Instant detectedAt) {
    }

    public record PatientPathwayPausedEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion,
            Instant pausedAt, String reason) {
    }

    /** @param rescheduled open steps' due times, moved later by the time spent paused */
    public record PatientPathwayResumedEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion,
            Instant resumedAt, Duration pausedFor, String reason, Map<String, Instant> rescheduled) {
    }

    public record PatientPathwayCompletedEvent(String pathwayId, String trust, String pathwayCode,
            int pathwayVersion, Instant completedAt, String reason) {
    }

    public record PatientPathwayCancelledEvent(String pathwayId, String trust, String pathwayCode,
            int pathwayVersion, Instant cancelledAt, String reason) {
    }

    /** The patient's key was deleted, so this pathway can no longer be linked to a person. */
    public record PatientPathwayErasedEvent(String pathwayId, String trust, String pathwayCode, int pathwayVersion) {
    }
}
