package org.camrin.programme.project.api;

import java.time.LocalDate;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands a project aggregate handles. Field values are checked by the aggregate. */
public final class ProjectCommands {

    private ProjectCommands() {
    }

    public record CreateProjectCommand(@TargetAggregateIdentifier ProjectId projectId, String programmeId,
            String title, String summary, String leadTrust, Set<String> participatingTrusts) {
    }

    public record RenameProjectCommand(@TargetAggregateIdentifier ProjectId projectId, String title) {
    }

    public record ChangeProjectStatusCommand(@TargetAggregateIdentifier ProjectId projectId, ProjectStatus status,
            String reason) {
    }

    public record RateProjectCommand(@TargetAggregateIdentifier ProjectId projectId, RagRating rating,
            String reason) {
    }

    public record AddMilestoneCommand(@TargetAggregateIdentifier ProjectId projectId, MilestoneId milestoneId,
            String title, LocalDate dueDate) {
    }

    public record CompleteMilestoneCommand(@TargetAggregateIdentifier ProjectId projectId, MilestoneId milestoneId,
            LocalDate completedOn) {
    }
}
