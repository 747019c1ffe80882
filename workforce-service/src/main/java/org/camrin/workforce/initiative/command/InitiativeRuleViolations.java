package org.camrin.workforce.initiative.command;

import java.util.Set;

import org.camrin.support.web.RuleViolationException;
import org.camrin.workforce.initiative.api.InitiativeStatus;

/** Commands an initiative rejects in its current state; each is answered with 409 and its own problem type. */
final class InitiativeRuleViolations {

    private InitiativeRuleViolations() {
    }

    static final class IllegalInitiativeStatusTransitionException extends RuleViolationException {
        IllegalInitiativeStatusTransitionException(InitiativeStatus from, InitiativeStatus to,
                Set<InitiativeStatus> allowed) {
            super("An initiative cannot move from " + from + " to " + to + ". "
                    + (allowed.isEmpty() ? "A " + from + " initiative cannot change status."
                            : "From " + from + " it may move to " + allowed + "."));
        }
    }

    static final class EffectBeforeStartException extends RuleViolationException {
        EffectBeforeStartException(InitiativeStatus status) {
            super("The initiative is " + status + ", so it has no actual effect yet. Record the effect once it is "
                    + "IN_PROGRESS or COMPLETED.");
        }
    }
}
