package org.camrin.workforce.record.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.support.web.NotFoundException;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.springframework.stereotype.Component;

/**
 * The history of a workforce record read straight from its event stream, so it shows every
 * return and correction with who made it, for which trust and when, exactly as stored.
 */
@Component
class WorkforceRecordHistory {

    private final EventStore eventStore;

    WorkforceRecordHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** One stored event of a record. */
    record HistoryEntry(long sequence, String type, Instant occurredAt, String userId, String username, String trust,
            String correlationId, Object change) {
    }

    List<HistoryEntry> of(WorkforceRecordId recordId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(recordId.toString());
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
            throw new NotFoundException("No workforce return is recorded for " + recordId.staffGroup().id() + " at "
                    + recordId.trust() + ".");
        }
        return entries;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
