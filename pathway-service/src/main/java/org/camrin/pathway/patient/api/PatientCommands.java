package org.camrin.pathway.patient.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.camrin.pathway.definition.api.PathwayStep;

/**
 * Commands of a patient's pathway; the aggregate identifier is a random UUID. No command carries
 * an NHS number: the web layer replaces it by a pseudonym sealed under the patient's key.
 *
 * @see org.camrin.pathway.patient.identity.PatientKeyStore
 */
public final class PatientCommands {

    private PatientCommands() {
    }

    /**
     * @param steps the adopted version's steps, copied so later versions never change this pathway
     * @param now   the time the command is handled, which bounds {@code startedAt} from above
     */
    public record StartPatientPathwayCommand(@TargetAggregateIdentifier String pathwayId, String patientKeyId,
            String sealedPseudonym, String trust, String pathwayCode, int pathwayVersion, List<PathwayStep> steps,
            Instant startedAt, Instant now) {
    }

    /** @param actingTrust the recording user's trust, which must be the pathway's trust */
    public record RecordStepCompletionCommand(@TargetAggregateIdentifier String pathwayId, String stepKey,
            Instant completedAt, String actingTrust, Instant now) {
    }

    /** Sent by the breach scheduler when a stored deadline has passed. */
    public record RecordTargetBreachCommand(@TargetAggregateIdentifier String pathwayId, String stepKey,
            Instant detectedAt) {
    }

    public record PausePatientPathwayCommand(@TargetAggregateIdentifier String pathwayId, String reason,
            String actingTrust, Instant at) {
    }

    public record ResumePatientPathwayCommand(@TargetAggregateIdentifier String pathwayId, String reason,
            String actingTrust, Instant at) {
    }

    public record CompletePatientPathwayCommand(@TargetAggregateIdentifier String pathwayId, String reason,
            String actingTrust, Instant at) {
    }

    public record CancelPatientPathwayCommand(@TargetAggregateIdentifier String pathwayId, String reason,
            String actingTrust, Instant at) {
    }

    /** Marks the pathway erased after its patient's key was deleted. */
    public record ErasePatientPathwayCommand(@TargetAggregateIdentifier String pathwayId) {
    }
}
