package org.camrin.workforce.initiative.query;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeEffectRecordedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeProposedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeStatusChangedEvent;
import org.camrin.workforce.initiative.api.InitiativeId;
import org.camrin.workforce.initiative.api.InitiativeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the initiative query models up to date. Each initiative document stores the sequence
 * number of the last event it applied, and an event at or below it is skipped.
 */
@Component
@ProcessingGroup(InitiativeProjection.PROCESSING_GROUP)
class InitiativeProjection {

    static final String PROCESSING_GROUP = "initiative-projection";

    private static final Logger log = LoggerFactory.getLogger(InitiativeProjection.class);

    private final MongoTemplate mongo;

    InitiativeProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(InitiativeProposedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username) {
        String id = event.initiativeId().toString();
        if (mongo.findById(id, InitiativeView.class) != null) {
            return;
        }
        save(new InitiativeView(id, event.title(), event.theme(), event.staffGroups(), event.trusts(),
                InitiativeStatus.PROPOSED, event.plannedWteEffect(), null, null, event.startDate(),
                event.plannedEndDate(), null, null, username, at, sequence));
    }

    @EventHandler
    void on(InitiativeStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.initiativeId(), sequence, view -> view.withStatus(event.to(), event.effectiveOn(), at, sequence));
    }

    @EventHandler
    void on(InitiativeEffectRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.initiativeId(), sequence,
                view -> view.withEffect(event.actualWteEffect(), event.measuredOn(), at, sequence));
    }

    /** Empties the query models before a replay rebuilds them from the first event. */
    @ResetHandler
    void reset() {
        mongo.dropCollection(InitiativeView.class);
        mongo.dropCollection(InitiativeCatalogue.class);
        log.info("Initiative query models dropped for a replay");
    }

    private void update(InitiativeId initiativeId, long sequence, UnaryOperator<InitiativeView> change) {
        InitiativeView view = mongo.findById(initiativeId.toString(), InitiativeView.class);
        if (view == null) {
            // Events of an initiative always follow its proposal in one processor segment.
            throw new IllegalStateException("Initiative " + initiativeId + " has no query model for event " + sequence);
        }
        if (view.version() >= sequence) {
            return;
        }
        save(change.apply(view));
    }

    /** Writes the catalogue entry first and the initiative last, so its version moves on once both are written. */
    private void save(InitiativeView view) {
        mongo.upsert(Query.query(Criteria.where("_id").is(InitiativeCatalogue.ID)),
                new Update().set("initiatives." + view.id(), view), InitiativeCatalogue.class);
        mongo.save(view);
    }
}
