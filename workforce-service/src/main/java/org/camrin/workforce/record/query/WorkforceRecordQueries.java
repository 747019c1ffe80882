package org.camrin.workforce.record.query;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camrin.support.network.NetworkTrust;
import org.camrin.workforce.record.api.StaffGroup;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads of the workforce series; each is a lookup by {@code _id}. */
@Service
public class WorkforceRecordQueries {

    private final MongoTemplate mongo;

    WorkforceRecordQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<WorkforceSeries> findSeries(WorkforceRecordId recordId) {
        return Optional.ofNullable(mongo.findById(recordId.toString(), WorkforceSeries.class));
    }

    /** The series of every staff group of a trust that has any return, by staff group. */
    public Map<StaffGroup, WorkforceSeries> seriesOfTrust(String trust) {
        Map<StaffGroup, WorkforceSeries> found = new LinkedHashMap<>();
        for (StaffGroup group : StaffGroup.values()) {
            findSeries(new WorkforceRecordId(trust, group)).ifPresent(series -> found.put(group, series));
        }
        return found;
    }

    /**
     * The series of every trust and staff group, by trust. This is 108 lookups by {@code _id},
     * each served from the {@code _id} index.
     */
    public Map<String, Map<StaffGroup, WorkforceSeries>> seriesOfNetwork() {
        Map<String, Map<StaffGroup, WorkforceSeries>> found = new LinkedHashMap<>();
        for (NetworkTrust trust : NetworkTrust.values()) {
            found.put(trust.odsCode(), seriesOfTrust(trust.odsCode()));
        }
        return found;
    }

    /** The version of a record's series, or -1 before its first return is projected. */
    public long versionOf(WorkforceRecordId recordId) {
        return findSeries(recordId).map(WorkforceSeries::version).orElse(-1L);
    }
}
