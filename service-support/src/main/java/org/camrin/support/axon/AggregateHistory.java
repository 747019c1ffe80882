package org.camrin.support.axon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.identity.security.CommandMetadataInterceptor;

/**
 * An aggregate's history read straight from its event stream, so it shows every change with who
 * made it, for which trust and when, exactly as stored.
 */
public class AggregateHistory {

    private final EventStore eventStore;

    public AggregateHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * One stored event.
     *
     * @param type   the event's class name without the {@code Event} suffix, such as {@code ProjectCreated}
     * @param change the event's payload as stored
     */
    public record HistoryEntry(long sequence, String type, Instant occurredAt, String userId, String username,
            String trust, String correlationId, Object change) {
    }

    /** Returns the aggregate's events in order, or empty when it has none. */
    public Optional<List<HistoryEntry>> of(String aggregateId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            entries.add(new HistoryEntry(event.getSequenceNumber(),
                    event.getPayloadType().getSimpleName().replaceFirst("Event$", ""),
                    event.getTimestamp(),
                    text(event.getMetaData().get(CommandMetadataInterceptor.USER_ID)),
                    text(event.getMetaData().get(CommandMetadataInterceptor.USERNAME)),
                    text(event.getMetaData().get(CommandMetadataInterceptor.TRUST)),
                    text(event.getMetaData().get(CommandMetadataInterceptor.CORRELATION_ID)),
                    event.getPayload()));
        }
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
