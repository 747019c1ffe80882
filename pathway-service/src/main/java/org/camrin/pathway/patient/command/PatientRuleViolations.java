package org.camrin.pathway.patient.command;

import java.time.Instant;

import org.camrin.pathway.patient.api.PatientPathwayStatus;
import org.camrin.support.web.RuleViolationException;

/** Commands a patient pathway rejects in its current state; each is returned as 409 with its own problem type. */
final class PatientRuleViolations {

    private PatientRuleViolations() {
    }

    static final class PathwayClosedException extends RuleViolationException {
        PathwayClosedException(PatientPathwayStatus status) {
            super("The pathway is " + status + ", so it cannot be changed.");
        }
    }

    static final class PathwayNotActiveException extends RuleViolationException {
        PathwayNotActiveException(PatientPathwayStatus status) {
            super("Only an ACTIVE pathway can be paused; this one is " + status + ".");
        }
    }

    static final class PathwayNotPausedException extends RuleViolationException {
        PathwayNotPausedException(PatientPathwayStatus status) {
            super("Only a PAUSED pathway can be resumed; this one is " + status + ".");
        }
    }

    static final class StepAlreadyRecordedException extends RuleViolationException {
        StepAlreadyRecordedException(String stepKey, Instant recorded) {
            super("Step " + stepKey + " is already recorded as completed at " + recorded
                    + ". Sending the same time again is accepted; a different time is rejected.");
        }
    }
}
