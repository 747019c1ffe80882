package org.camrin.programme.project.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Events of the project aggregate as stored in the event store. Their names and fields are
 * permanent once stored; the public Kafka contract is mapped from them separately.
 */
public final class ProjectEvents {

    private ProjectEvents() {
    }

    public record ProjectCreatedEvent(ProjectId projectId, String programmeId, String title, String summary,
            String leadTrust, List<String> participatingTrusts) {
    }

    public record ProjectRenamedEvent(ProjectId projectId, String title, String previousTitle) {
    }

    public record ProjectStatusChangedEvent(ProjectId projectId, ProjectStatus from, ProjectStatus to, String reason) {
    }

    public record ProjectRagRatedEvent(ProjectId projectId, RagRating rating, String reason) {
    }

    public record MilestoneAddedEvent(ProjectId projectId, MilestoneId milestoneId, String title, LocalDate dueDate) {
    }

    /** @param daysLate days after the due date, zero when completed on or before it */
    public record MilestoneCompletedEvent(ProjectId projectId, MilestoneId milestoneId, LocalDate completedOn,
            long daysLate) {
    }
}
