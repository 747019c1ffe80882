package org.camrin.programme.project.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.support.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A project's history read straight from its event stream in the event store, so it shows every
 * change with who made it, for which trust and when, exactly as stored.
 */
@Component
class ProjectHistory {

    private final EventStore eventStore;

    ProjectHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** One stored event of a project. */
    record HistoryEntry(long sequence, String type, Instant occurredAt, String userId, String username, String trust,
            String correlationId, Object change) {
    }

    List<HistoryEntry> of(String projectId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(projectId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            entries.add(new HistoryEntry(event.getSequenceNumber(),
                    event.getPayloadType().getSimpleName().replaceFirst("Event$", ""),
                    event.getTimestamp(),
                    text(event.getMetaData().get("userId")),
                    text(event.getMetaData().get("username")),
                    text(event.getMetaData().get("trust")),
                    text(event.getMetaData().get("correlationId")),
                    event.getPayload()));
        }
        if (entries.isEmpty()) {
            throw new NotFoundException("Project " + projectId + " does not exist.");
        }
        return entries;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
