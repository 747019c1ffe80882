package org.camrin.pathway.definition.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads of the pathway definition query models; each is a lookup by {@code _id}. */
@Service
public class DefinitionQueries {

    private final MongoTemplate mongo;

    DefinitionQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<PathwayDefinitionView> find(String code) {
        return Optional.ofNullable(mongo.findById(code, PathwayDefinitionView.class));
    }

    public List<DefinitionSummary> list() {
        DefinitionIndex index = mongo.findById(DefinitionIndex.ID, DefinitionIndex.class);
        if (index == null || index.definitions() == null) {
            return List.of();
        }
        return index.definitions().values().stream().sorted(Comparator.comparing(DefinitionSummary::code)).toList();
    }

    /** Returns the sequence of the last event applied to a definition's query model, or -1 before its first. */
    public long sequenceOf(String code) {
        return find(code).map(PathwayDefinitionView::sequence).orElse(-1L);
    }
}
