package org.camrin.workforce.plan.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.camrin.workforce.plan.api.ActionStatus;
import org.camrin.workforce.plan.api.IntegratedCareSystem;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionAddedEvent;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionStatusChangedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps the plan query models up to date; an event at or below a plan's stored version is skipped. */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
class PlanProjection {

    static final String PROCESSING_GROUP = "plan-projection";

    private static final Logger log = LoggerFactory.getLogger(PlanProjection.class);

    private final MongoTemplate mongo;

    PlanProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(PlanActionAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        PlanView.Action action = new PlanView.Action(event.actionId().toString(), event.title(), event.owner(),
                event.dueDate(), event.initiativeId() == null ? null : event.initiativeId().toString(),
                ActionStatus.NOT_STARTED, null, at, null);
        apply(event.icsCode(), sequence, at, action);
    }

    @EventHandler
    void on(PlanActionStatusChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue("username") String username) {
        PlanView plan = mongo.findById(event.icsCode(), PlanView.class);
        if (plan == null) {
            throw new IllegalStateException("Plan " + event.icsCode() + " has no query model for event " + sequence);
        }
        PlanView.Action current = plan.actions().get(event.actionId().toString());
        apply(event.icsCode(), sequence, at, new PlanView.Action(current.actionId(), current.title(), current.owner(),
                current.dueDate(), current.initiativeId(), event.to(), event.reason(), at, username));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(PlanView.class);
        log.info("Plan query models dropped for a replay");
    }

    private void apply(String icsCode, long sequence, Instant at, PlanView.Action action) {
        PlanView plan = mongo.findById(icsCode, PlanView.class);
        if (plan != null && plan.version() >= sequence) {
            return;
        }
        Map<String, PlanView.Action> actions = new LinkedHashMap<>(plan == null ? Map.of() : plan.actions());
        actions.put(action.actionId(), action);
        String boardName = IntegratedCareSystem.fromCode(icsCode).map(IntegratedCareSystem::boardName).orElse(icsCode);
        mongo.save(new PlanView(icsCode, boardName, actions, at, sequence));
    }
}
