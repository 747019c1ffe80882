package org.camrin.programme.project.query;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One share of a programme's project listing: the summaries of the programme's projects whose id
 * hashes to this bucket, keyed by project id.
 *
 * <p>The MongoDB-compatible server used locally ignores non-unique indexes, so a query on the
 * large {@code projects} collection by programme would scan every project. The listing instead
 * lives in this small collection of at most {@code 5 x BUCKETS} documents, which a query by
 * {@code programmeId} scans cheaply. Spreading a programme over buckets keeps each document small,
 * because the server rewrites a whole document on every update.
 */
@Document(ProgrammeProjects.COLLECTION)
public record ProgrammeProjects(@Id String id, String programmeId, Map<String, ProjectSummary> projects) {

    static final String COLLECTION = "programme_projects";
    static final int BUCKETS = 16;

    /** Returns the id of the listing document that contains the given project of the given programme. */
    static String bucketId(String programmeId, String projectId) {
        return programmeId + "|" + Math.floorMod(projectId.hashCode(), BUCKETS);
    }
}
