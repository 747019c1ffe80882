package org.camrin.workforce.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.camrin.support.kafka.IntegrationEventPublisher;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeEffectRecordedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeProposedEvent;
import org.camrin.workforce.initiative.api.InitiativeEvents.InitiativeStatusChangedEvent;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionAddedEvent;
import org.camrin.workforce.plan.api.PlanEvents.PlanActionStatusChangedEvent;
import org.camrin.workforce.record.api.Leavers;
import org.camrin.workforce.record.api.MonthlyFigures;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnCorrectedEvent;
import org.camrin.workforce.record.api.WorkforceRecordEvents.MonthlyReturnRecordedEvent;
import org.springframework.stereotype.Component;

/**
 * Publishes every workforce event to {@code camrin.workforce.events} in its public form, keyed by
 * the subject's id so one record's, initiative's or plan's events stay in order on one partition.
 *
 * <p>It runs as its own streaming processor over the event store: when Kafka is down the send
 * fails, the processor keeps its token and retries, and nothing is lost.
 */
@Component
@ProcessingGroup(WorkforceEventPublisher.PROCESSING_GROUP)
class WorkforceEventPublisher {

    static final String PROCESSING_GROUP = "workforce-integration-events";

    private final IntegrationEventPublisher publisher;

    WorkforceEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MonthlyReturnRecordedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("trust", event.trust());
        payload.put("staffGroup", event.staffGroup().id());
        payload.put("month", event.month().toString());
        payload.put("figures", figures(event.figures()));
        payload.put("importId", event.importId());
        send("MonthlyReturnRecorded", "workforce-record", message, payload);
    }

    @EventHandler
    void on(MonthlyReturnCorrectedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("trust", event.trust());
        payload.put("staffGroup", event.staffGroup().id());
        payload.put("month", event.month().toString());
        payload.put("figures", figures(event.figures()));
        payload.put("previous", figures(event.previous()));
        payload.put("reason", event.reason());
        payload.put("importId", event.importId());
        send("MonthlyReturnCorrected", "workforce-record", message, payload);
    }

    @EventHandler
    void on(InitiativeProposedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("title", event.title());
        payload.put("theme", event.theme().name());
        payload.put("staffGroups", event.staffGroups());
        payload.put("trusts", event.trusts());
        payload.put("plannedWteEffect", event.plannedWteEffect());
        payload.put("startDate", event.startDate().toString());
        payload.put("plannedEndDate", event.plannedEndDate().toString());
        payload.put("status", "PROPOSED");
        send("InitiativeProposed", "initiative", message, payload);
    }

    @EventHandler
    void on(InitiativeStatusChangedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("from", event.from().name());
        payload.put("to", event.to().name());
        payload.put("effectiveOn", event.effectiveOn().toString());
        payload.put("reason", event.reason());
        send("InitiativeStatusChanged", "initiative", message, payload);
    }

    @EventHandler
    void on(InitiativeEffectRecordedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actualWteEffect", event.actualWteEffect());
        payload.put("measuredOn", event.measuredOn().toString());
        payload.put("previous", event.previous());
        send("InitiativeEffectRecorded", "initiative", message, payload);
    }

    /**
     * Publishes an added action without its owner. The owner is meant to name a post or team, but
     * free text may name a person, and personal data stays inside the service.
     */
    @EventHandler
    void on(PlanActionAddedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actionId", event.actionId().toString());
        payload.put("title", event.title());
        payload.put("dueDate", event.dueDate().toString());
        payload.put("initiativeId", event.initiativeId() == null ? null : event.initiativeId().toString());
        payload.put("status", "NOT_STARTED");
        send("PlanActionAdded", "ics-plan", message, payload);
    }

    @EventHandler
    void on(PlanActionStatusChangedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("actionId", event.actionId().toString());
        payload.put("from", event.from().name());
        payload.put("to", event.to().name());
        payload.put("reason", event.reason());
        send("PlanActionStatusChanged", "ics-plan", message, payload);
    }

    private void send(String type, String subjectType, DomainEventMessage<?> message, Map<String, Object> payload) {
        String subjectId = message.getAggregateIdentifier();
        WorkforceIntegrationEvent event = new WorkforceIntegrationEvent(message.getIdentifier(), type,
                WorkforceIntegrationEvent.SCHEMA_VERSION, message.getTimestamp(), subjectType, subjectId,
                message.getSequenceNumber(), text(message.getMetaData().get("trust")),
                text(message.getMetaData().get("correlationId")), payload);
        publisher.publish(WorkforceIntegrationEvent.TOPIC, subjectId, event);
    }

    /** Maps figures to the contract's own shape, so a change to the stored record does not change the contract. */
    private static Map<String, Object> figures(MonthlyFigures figures) {
        Leavers leavers = figures.leavers();
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("establishmentWte", figures.establishmentWte());
        shape.put("staffInPostWte", figures.staffInPostWte());
        shape.put("staffInPostHeadcount", figures.staffInPostHeadcount());
        shape.put("vacancyWte", figures.vacancies());
        shape.put("bankWte", figures.bankWte());
        shape.put("agencyWte", figures.agencyWte());
        shape.put("joiners", figures.joiners());
        shape.put("leavers", Map.of("retirement", leavers.retirement(), "anotherNhsTrust", leavers.anotherNhsTrust(),
                "outsideNhs", leavers.outsideNhs(), "other", leavers.other()));
        shape.put("trainees", figures.trainees());
        return shape;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
