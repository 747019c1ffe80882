package org.camrin.workforce.record.web;

import java.time.Duration;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.camrin.workforce.record.api.WorkforceRecordId;
import org.camrin.workforce.record.query.WorkforceRecordQueries;
import org.springframework.stereotype.Component;

/**
 * Waits until a record's query model has caught up with its last stored event, so a client
 * reads its own write. The projection normally follows within milliseconds.
 */
@Component
class RecordProjectionWait {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final EventStore eventStore;
    private final WorkforceRecordQueries queries;

    RecordProjectionWait(EventStore eventStore, WorkforceRecordQueries queries) {
        this.eventStore = eventStore;
        this.queries = queries;
    }

    /** Returns when the record is projected, or after five seconds with the query model still behind. */
    void await(WorkforceRecordId recordId) {
        long stored = eventStore.lastSequenceNumberFor(recordId.toString()).orElse(-1L);
        long deadline = System.nanoTime() + PROJECTION_WAIT.toNanos();
        while (queries.versionOf(recordId) < stored && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
