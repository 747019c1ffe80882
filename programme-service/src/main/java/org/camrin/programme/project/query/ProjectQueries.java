package org.camrin.programme.project.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads of the project query models; each is a lookup by {@code _id}. */
@Service
public class ProjectQueries {

    private final MongoTemplate mongo;

    ProjectQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<ProjectView> findProject(String projectId) {
        return Optional.ofNullable(mongo.findById(projectId, ProjectView.class));
    }

    /** Projects of a programme, most recently changed first. */
    public List<ProjectSummary> findProjectsOf(String programmeId) {
        ProgrammeProjects listing = mongo.findById(programmeId, ProgrammeProjects.class);
        if (listing == null || listing.projects() == null) {
            return List.of();
        }
        return listing.projects().values().stream()
                .sorted(Comparator.comparing(ProjectSummary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public int countProjectsOf(String programmeId) {
        ProgrammeProjects listing = mongo.findById(programmeId, ProgrammeProjects.class);
        return listing == null || listing.projects() == null ? 0 : listing.projects().size();
    }

    /** The version of a project's query model, or -1 before its creation is projected. */
    public long versionOf(String projectId) {
        return findProject(projectId).map(ProjectView::version).orElse(-1L);
    }

}
