package org.camrin.pathway.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayPublishedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionAdoptedEvent;
import org.camrin.pathway.definition.api.DefinitionEvents.PathwayVersionRetiredEvent;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCancelledEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayErasedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayPausedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayResumedEvent;
import org.camrin.pathway.patient.api.PatientEvents.PatientPathwayStartedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepCompletedEvent;
import org.camrin.pathway.patient.api.PatientEvents.StepTargetMeasuredEvent;
import org.camrin.pathway.patient.api.PatientEvents.TargetBreachedEvent;
import org.camrin.pathway.patient.identity.PatientKeyStore;
import org.camrin.support.kafka.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes pathway events to {@code camrin.pathway.events} in their public form. Patient events
 * are keyed by patient pathway id so one pathway's events stay in order on one partition;
 * definition events are keyed {@code definition:<code>}.
 *
 * <p>It runs as its own streaming processor over the event store: when Kafka is down the send
 * fails, the processor keeps its token and retries, and nothing is lost (the service-support error handler propagates failures instead of
 * skipping the event). The patient appears only
 * as the pseudonym, unsealed here with the patient's key; after erasure it is null. Free-text
 * reasons written by staff are left out, because they may hold personal details.
 */
@Component
@ProcessingGroup(PathwayFeedPublisher.PROCESSING_GROUP)
class PathwayFeedPublisher {

    static final String PROCESSING_GROUP = "pathway-feed";

    private final IntegrationEventPublisher publisher;
    private final PatientKeyStore keys;

    PathwayFeedPublisher(IntegrationEventPublisher publisher, PatientKeyStore keys) {
        this.publisher = publisher;
        this.keys = keys;
    }

    @EventHandler
    void on(PathwayPublishedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", event.name());
        payload.put("clinicalArea", event.clinicalArea());
        payload.put("steps", steps(event.steps()));
        payload.put("standards", event.standards());
        sendDefinition("PathwayDefinitionPublished", message, event.code(), event.version(), null, payload);
    }

    @EventHandler
    void on(PathwayVersionRetiredEvent event, DomainEventMessage<?> message) {
        sendDefinition("PathwayDefinitionRetired", message, event.code(), event.version(), null, Map.of());
    }

    @EventHandler
    void on(PathwayVersionAdoptedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("effectiveFrom", event.effectiveFrom().toString());
        payload.put("previousVersion", event.previousVersion());
        sendDefinition("PathwayVersionAdopted", message, event.code(), event.version(), event.trust(), payload);
    }

    @EventHandler
    void on(PatientPathwayStartedEvent event, DomainEventMessage<?> message) {
        Optional<String> pseudonym = keys.decrypt(event.patientKeyId(), event.sealedPseudonym());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("patientPseudonym", pseudonym.orElse(null));
        payload.put("patientErased", pseudonym.isEmpty());
        payload.put("startedAt", event.startedAt().toString());
        payload.put("dueAt", times(event.dueAt()));
        sendPatient("PatientPathwayStarted", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                payload);
    }

    @EventHandler
    void on(StepCompletedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stepKey", event.stepKey());
        payload.put("completedAt", event.completedAt().toString());
        payload.put("dueAt", text(event.dueAt()));
        payload.put("elapsed", text(event.elapsed()));
        payload.put("withinTarget", event.withinTarget());
        payload.put("lateBy", text(event.lateBy()));
        sendPatient("StepCompleted", message, event.pathwayCode(), event.pathwayVersion(), event.trust(), payload);
    }

    @EventHandler
    void on(StepTargetMeasuredEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stepKey", event.stepKey());
        payload.put("completedAt", event.completedAt().toString());
        payload.put("dueAt", event.dueAt().toString());
        payload.put("elapsed", event.elapsed().toString());
        payload.put("withinTarget", event.withinTarget());
        payload.put("lateBy", event.lateBy().toString());
        sendPatient("StepTargetMeasured", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                payload);
    }

    @EventHandler
    void on(TargetBreachedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stepKey", event.stepKey());
        payload.put("dueAt", event.dueAt().toString());
        payload.put("detectedAt", event.detectedAt().toString());
        sendPatient("TargetBreached", message, event.pathwayCode(), event.pathwayVersion(), event.trust(), payload);
    }

    @EventHandler
    void on(PatientPathwayPausedEvent event, DomainEventMessage<?> message) {
        sendPatient("PatientPathwayPaused", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                Map.of("pausedAt", event.pausedAt().toString()));
    }

    @EventHandler
    void on(PatientPathwayResumedEvent event, DomainEventMessage<?> message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("resumedAt", event.resumedAt().toString());
        payload.put("pausedFor", event.pausedFor().toString());
        payload.put("dueAt", times(event.rescheduled()));
        sendPatient("PatientPathwayResumed", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                payload);
    }

    @EventHandler
    void on(PatientPathwayCompletedEvent event, DomainEventMessage<?> message) {
        sendPatient("PatientPathwayCompleted", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                Map.of("completedAt", event.completedAt().toString()));
    }

    @EventHandler
    void on(PatientPathwayCancelledEvent event, DomainEventMessage<?> message) {
        sendPatient("PatientPathwayCancelled", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                Map.of("cancelledAt", event.cancelledAt().toString()));
    }

    /** Tells consumers to delete what they hold for this pathway's patient. */
    @EventHandler
    void on(PatientPathwayErasedEvent event, DomainEventMessage<?> message) {
        sendPatient("PatientPathwayErased", message, event.pathwayCode(), event.pathwayVersion(), event.trust(),
                Map.of());
    }

    private void sendDefinition(String type, DomainEventMessage<?> message, String code, int version, String trust,
            Map<String, Object> payload) {
        PathwayFeedEvent event = new PathwayFeedEvent(message.getIdentifier(), type, PathwayFeedEvent.SCHEMA_VERSION,
                message.getTimestamp(), code, version, trust, null, message.getSequenceNumber(), payload);
        publisher.publish(PathwayFeedEvent.TOPIC, "definition:" + code, event);
    }

    private void sendPatient(String type, DomainEventMessage<?> message, String code, int version, String trust,
            Map<String, Object> payload) {
        String pathwayId = message.getAggregateIdentifier();
        PathwayFeedEvent event = new PathwayFeedEvent(message.getIdentifier(), type, PathwayFeedEvent.SCHEMA_VERSION,
                message.getTimestamp(), code, version, trust, pathwayId, message.getSequenceNumber(), payload);
        publisher.publish(PathwayFeedEvent.TOPIC, pathwayId, event);
    }

    private static List<Map<String, Object>> steps(List<PathwayStep> steps) {
        return steps.stream().map(step -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", step.key());
            entry.put("name", step.name());
            entry.put("target", step.target().toString());
            entry.put("measuredFrom", step.measuredFrom());
            return entry;
        }).toList();
    }

    private static Map<String, String> times(Map<String, Instant> times) {
        Map<String, String> result = new LinkedHashMap<>();
        times.forEach((key, time) -> result.put(key, time.toString()));
        return result;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
