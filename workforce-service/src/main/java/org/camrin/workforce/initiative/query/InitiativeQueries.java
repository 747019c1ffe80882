package org.camrin.workforce.initiative.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads of the initiative query models; each is a lookup by {@code _id}. */
@Service
public class InitiativeQueries {

    private final MongoTemplate mongo;

    InitiativeQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<InitiativeView> findInitiative(String initiativeId) {
        return Optional.ofNullable(mongo.findById(initiativeId, InitiativeView.class));
    }

    /** Returns every initiative, by start date then title. */
    public List<InitiativeView> findAll() {
        InitiativeCatalogue catalogue = mongo.findById(InitiativeCatalogue.ID, InitiativeCatalogue.class);
        if (catalogue == null || catalogue.initiatives() == null) {
            return List.of();
        }
        return catalogue.initiatives().values().stream()
                .sorted(Comparator.comparing(InitiativeView::startDate).thenComparing(InitiativeView::title))
                .toList();
    }

    /** The version of an initiative's query model, or -1 before its proposal is projected. */
    public long versionOf(String initiativeId) {
        return findInitiative(initiativeId).map(InitiativeView::version).orElse(-1L);
    }
}
