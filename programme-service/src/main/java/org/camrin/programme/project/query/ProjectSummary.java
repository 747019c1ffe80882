package org.camrin.programme.project.query;

import java.time.Instant;

import org.camrin.programme.project.api.ProjectStatus;
import org.camrin.programme.project.api.RagRating;

/** A project as listed within its programme. */
public record ProjectSummary(String projectId, String title, String leadTrust, ProjectStatus status,
        RagRating rag, Instant updatedAt) {
}
