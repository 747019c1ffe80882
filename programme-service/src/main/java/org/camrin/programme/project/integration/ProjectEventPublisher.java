package org.camrin.programme.project.integration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.camrin.programme.project.api.ProjectEvents.MilestoneAddedEvent;
import org.camrin.programme.project.api.ProjectEvents.MilestoneCompletedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectCreatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRagRatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRenamedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectStatusChangedEvent;
import org.camrin.support.kafka.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes every project event to {@code camrin.programme.events} in its public form, keyed by
 * project id so a project's events stay in order on one partition.
 *
 * <p>It runs as its own streaming processor over the event store: when Kafka is down the send
 * fails, the processor keeps its token and retries, and nothing is lost.
 */
@Component
@ProcessingGroup(ProjectEventPublisher.PROCESSING_GROUP)
class ProjectEventPublisher {

    static final String PROCESSING_GROUP = "programme-integration-events";

    private final IntegrationEventPublisher publisher;

    ProjectEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ProjectCreatedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("programmeId", event.programmeId());
        payload.put("title", event.title());
        payload.put("summary", event.summary());
        payload.put("leadTrust", event.leadTrust());
        payload.put("participatingTrusts", event.participatingTrusts());
        payload.put("status", "PROPOSED");
        send("ProjectCreated", message, payload);
    }

    @EventHandler
    void on(ProjectRenamedEvent event, DomainEventMessage<?> message) {
        send("ProjectRenamed", message, Map.of("title", event.title(), "previousTitle", event.previousTitle()));
    }

    @EventHandler
    void on(ProjectStatusChangedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("from", event.from().name());
        payload.put("to", event.to().name());
        payload.put("reason", event.reason());
        send("ProjectStatusChanged", message, payload);
    }

    @EventHandler
    void on(ProjectRagRatedEvent event, DomainEventMessage<?> message) {
        send("ProjectRagRated", message, Map.of("rating", event.rating().name(), "reason", event.reason()));
    }

    @EventHandler
    void on(MilestoneAddedEvent event, DomainEventMessage<?> message) {
        send("MilestoneAdded", message, Map.of("milestoneId", event.milestoneId().toString(),
                "title", event.title(), "dueDate", event.dueDate().toString()));
    }

    @EventHandler
    void on(MilestoneCompletedEvent event, DomainEventMessage<?> message) {
        send("MilestoneCompleted", message, Map.of("milestoneId", event.milestoneId().toString(),
                "completedOn", event.completedOn().toString(), "daysLate", event.daysLate()));
    }

    private void send(String type, DomainEventMessage<?> message, Map<String, Object> payload) {
        String projectId = message.getAggregateIdentifier();
        ProjectIntegrationEvent event = new ProjectIntegrationEvent(message.getIdentifier(), type,
                ProjectIntegrationEvent.SCHEMA_VERSION, message.getTimestamp(), projectId,
                message.getSequenceNumber(), text(message.getMetaData().get("trust")),
                text(message.getMetaData().get("correlationId")), payload);
        publisher.publish(ProjectIntegrationEvent.TOPIC, projectId, event);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
