package org.camrin.programme.project.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camrin.programme.project.api.ProjectStatus;
import org.camrin.programme.project.api.RagRating;

/** Request bodies of the project API. */
final class ProjectRequests {

    private ProjectRequests() {
    }

    record CreateProjectRequest(
            @NotBlank(message = "Send a title of 1 to 200 characters.") @Size(max = 200, message = "Must be at most 200 characters.") String title,
            @Size(max = 4000, message = "Must be at most 4000 characters.") String summary,
            @NotBlank(message = "Send the ODS code of the lead trust, for example REM.") String leadTrust,
            Set<String> participatingTrusts) {
    }

    record RenameProjectRequest(
            @NotBlank(message = "Send a title of 1 to 200 characters.") @Size(max = 200, message = "Must be at most 200 characters.") String title) {
    }

    record ChangeStatusRequest(
            @NotNull(message = "Send the new status: PROPOSED, APPROVED, IN_PROGRESS, ON_HOLD, COMPLETED or CLOSED.") ProjectStatus status,
            @Size(max = 4000, message = "Must be at most 4000 characters.") String reason) {
    }

    record RateProjectRequest(
            @NotNull(message = "Send a rating: RED, AMBER or GREEN.") RagRating rating,
            @NotBlank(message = "Send the reason for the rating.") @Size(max = 4000, message = "Must be at most 4000 characters.") String reason) {
    }

    record AddMilestoneRequest(
            @NotBlank(message = "Send a title of 1 to 200 characters.") @Size(max = 200, message = "Must be at most 200 characters.") String title,
            @NotNull(message = "Send the due date as YYYY-MM-DD.") LocalDate dueDate) {
    }

    record CompleteMilestoneRequest(
            @NotNull(message = "Send the completion date as YYYY-MM-DD.") LocalDate completedOn) {
    }
}
