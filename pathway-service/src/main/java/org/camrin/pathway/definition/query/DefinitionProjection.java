package org.camrin.pathway.definition.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayDraftedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayPublishedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionAdoptedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionRetiredEvent;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Adoption;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Status;
import org.camrin.pathway.definition.query.PathwayDefinitionView.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the pathway definition query models up to date. Each definition document stores the
 * sequence number of the last event applied, so a batch handled again after a crash is skipped.
 */
@Component
@ProcessingGroup(DefinitionProjection.PROCESSING_GROUP)
class DefinitionProjection {

    static final String PROCESSING_GROUP = "pathway-definition-projection";

    private static final Logger log = LoggerFactory.getLogger(DefinitionProjection.class);

    private final MongoTemplate mongo;

    DefinitionProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PathwayDraftedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Version draft = new Version(event.version(), Status.DRAFT, event.name(), event.clinicalArea(), event.steps(),
                event.standards(), null, null, null);
        PathwayDefinitionView existing = mongo.findById(event.code(), PathwayDefinitionView.class);
        if (existing == null) {
            save(new PathwayDefinitionView(event.code(), Map.of(), Map.of(), at, -1).withVersion(draft, at, sequence));
            return;
        }
        update(event.code(), sequence, view -> view.withVersion(draft, at, sequence));
    }

    @EventHandler
    void on(PathwayPublishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Version published = new Version(event.version(), Status.PUBLISHED, event.name(), event.clinicalArea(),
                event.steps(), event.standards(), at, null, null);
        update(event.code(), sequence, view -> view.withVersion(published, at, sequence));
    }

    @EventHandler
    void on(PathwayVersionRetiredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.code(), sequence, view -> view.version(event.version())
                .map(version -> view.withVersion(version.withStatus(Status.RETIRED, version.publishedAt(), at,
                        event.reason()), at, sequence))
                .orElse(view));
    }

    @EventHandler
    void on(PathwayVersionAdoptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username) {
        Adoption adoption = new Adoption(event.version(), event.effectiveFrom(), at, username);
        update(event.code(), sequence, view -> view.withAdoption(event.trust(), adoption, at, sequence));
    }

    /** Empties the query models before a replay rebuilds them from the first event. */
    @ResetHandler
    void reset() {
        mongo.dropCollection(PathwayDefinitionView.class);
        mongo.dropCollection(DefinitionIndex.class);
        log.info("Pathway definition query models dropped for a replay");
    }

    private void update(String code, long sequence, UnaryOperator<PathwayDefinitionView> change) {
        PathwayDefinitionView view = mongo.findById(code, PathwayDefinitionView.class);
        if (view == null) {
            // A definition's events always follow its first draft in one processor segment.
            throw new IllegalStateException("Pathway " + code + " has no query model for event " + sequence);
        }
        if (view.sequence() >= sequence) {
            return;
        }
        save(change.apply(view));
    }

    /** Writes the index entry first and the definition last, so its sequence moves on only once both are written. */
    private void save(PathwayDefinitionView view) {
        Version latest = view.latest();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("code", view.code());
        summary.put("name", latest.name());
        summary.put("clinicalArea", latest.clinicalArea());
        summary.put("latestVersion", latest.version());
        summary.put("latestStatus", latest.status().name());
        mongo.upsert(Query.query(Criteria.where("_id").is(DefinitionIndex.ID)),
                new Update().set("definitions." + view.code(), summary), DefinitionIndex.class);
        mongo.save(view);
    }
}
