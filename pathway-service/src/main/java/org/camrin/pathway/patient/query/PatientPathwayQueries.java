package org.camrin.pathway.patient.query;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads of the patient pathway query models; each is a lookup by {@code _id}. */
@Service
public class PatientPathwayQueries {

    private final MongoTemplate mongo;

    PatientPathwayQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PatientPathwayView> find(String pathwayId) {
        return Optional.ofNullable(mongo.findById(pathwayId, PatientPathwayView.class));
    }

    public long sequenceOf(String pathwayId) {
        return find(pathwayId).map(PatientPathwayView::sequence).orElse(-1L);
    }
}
