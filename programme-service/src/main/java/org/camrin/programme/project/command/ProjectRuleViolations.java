package org.camrin.programme.project.command;

import java.util.Set;

import org.camrin.programme.project.api.MilestoneId;
import org.camrin.programme.project.api.ProjectStatus;
import org.camrin.support.web.RuleViolationException;

/** Commands a project rejects in its current state; each answers 409 with its own problem type. */
final class ProjectRuleViolations {

    private ProjectRuleViolations() {
    }

    static final class IllegalStatusTransitionException extends RuleViolationException {
        IllegalStatusTransitionException(ProjectStatus from, ProjectStatus to, Set<ProjectStatus> allowed) {
            super("A project cannot move from " + from + " to " + to + ". "
                    + (allowed.isEmpty() ? "A " + from + " project cannot change status."
                            : "From " + from + " it may move to " + allowed + "."));
        }
    }

    static final class ProjectClosedException extends RuleViolationException {
        ProjectClosedException() {
            super("The project is closed, so it cannot be changed.");
        }
    }

    static final class MilestoneAlreadyCompletedException extends RuleViolationException {
        MilestoneAlreadyCompletedException(MilestoneId milestoneId) {
            super("Milestone " + milestoneId + " is already completed.");
        }
    }

    static final class DuplicateMilestoneException extends RuleViolationException {
        DuplicateMilestoneException(MilestoneId milestoneId) {
            super("Milestone " + milestoneId + " already exists in this project.");
        }
    }
}
