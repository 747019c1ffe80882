package org.camrin.programme.project.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camrin.programme.project.api.ProjectStatus;
import org.camrin.programme.project.api.RagRating;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Query model of one project, read by its id.
 *
 * @param version sequence number of the last project event applied, which lets the projection
 *                skip an event it has already applied when a processor retries a batch
 */
@Document(ProjectView.COLLECTION)
public record ProjectView(@Id String id, String programmeId, String title, String summary, String leadTrust,
        List<String> participatingTrusts, ProjectStatus status, Rag rag, List<Milestone> milestones,
        Instant createdAt, String createdBy, String createdByTrust, Instant updatedAt, long version) {

    static final String COLLECTION = "projects";

    /** The latest RAG rating with its reason and who set it. */
    public record Rag(RagRating rating, String reason, Instant ratedAt, String ratedBy) {
    }

    /** @param daysLate days completed after the due date; zero while open or when on time */
    public record Milestone(String milestoneId, String title, LocalDate dueDate, LocalDate completedOn,
            long daysLate) {
    }

    ProjectView withTitle(String newTitle, Instant at, long newVersion) {
        return new ProjectView(id, programmeId, newTitle, summary, leadTrust, participatingTrusts, status, rag,
                milestones, createdAt, createdBy, createdByTrust, at, newVersion);
    }

    ProjectView withStatus(ProjectStatus newStatus, Instant at, long newVersion) {
        return new ProjectView(id, programmeId, title, summary, leadTrust, participatingTrusts, newStatus, rag,
                milestones, createdAt, createdBy, createdByTrust, at, newVersion);
    }

    ProjectView withRag(Rag newRag, Instant at, long newVersion) {
        return new ProjectView(id, programmeId, title, summary, leadTrust, participatingTrusts, status, newRag,
                milestones, createdAt, createdBy, createdByTrust, at, newVersion);
    }

    ProjectView withMilestone(Milestone milestone, Instant at, long newVersion) {
        List<Milestone> updated = new ArrayList<>();
        boolean replaced = false;
        for (Milestone existing : milestones) {
            if (existing.milestoneId().equals(milestone.milestoneId())) {
                updated.add(milestone);
                replaced = true;
            } else {
                updated.add(existing);
            }
        }
        if (!replaced) {
            updated.add(milestone);
        }
        return new ProjectView(id, programmeId, title, summary, leadTrust, participatingTrusts, status, rag,
                List.copyOf(updated), createdAt, createdBy, createdByTrust, at, newVersion);
    }

    /** The short form listed on the programme page. */
    ProjectSummary toSummary() {
        return new ProjectSummary(id, title, leadTrust, status, rag == null ? null : rag.rating(), updatedAt);
    }
}
