package org.camrin.programme.project.query;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The projects of one programme, keyed by project id, in one document read by the programme id.
 *
 * <p>Listing a programme's projects is then a lookup by {@code _id}. The MongoDB-compatible
 * server used locally ignores non-unique indexes, so a query on a project's programme field would
 * scan every project.
 */
@Document(ProgrammeProjects.COLLECTION)
public record ProgrammeProjects(@Id String programmeId, Map<String, ProjectSummary> projects) {

    static final String COLLECTION = "programme_projects";
}
