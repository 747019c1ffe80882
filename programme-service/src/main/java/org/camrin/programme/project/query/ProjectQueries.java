package org.camrin.programme.project.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the project query models: lookups by {@code _id}, and scans of the small listing collection. */
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
        return listingOf(programmeId).stream()
                .flatMap(listing -> listing.projects().values().stream())
                .sorted(Comparator.comparing(ProjectSummary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    public int countProjectsOf(String programmeId) {
        return listingOf(programmeId).stream().mapToInt(listing -> listing.projects().size()).sum();
    }

    /** The programme's listing buckets; the collection contains at most a few dozen small documents. */
    private List<ProgrammeProjects> listingOf(String programmeId) {
        return mongo.find(Query.query(Criteria.where("programmeId").is(programmeId)), ProgrammeProjects.class).stream()
                .filter(listing -> listing.projects() != null)
                .toList();
    }

    /** The version of a project's query model, or -1 before its creation is projected. */
    public long versionOf(String projectId) {
        return findProject(projectId).map(ProjectView::version).orElse(-1L);
    }

}
