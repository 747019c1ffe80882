package org.camrin.workforce.integration;

import java.time.Instant;
import java.util.Map;

/**
 * The public form of a workforce event on the Kafka topic {@code camrin.workforce.events}.
 * Consumers depend on these field names; a breaking change needs a new {@code schemaVersion}.
 *
 * @param eventId       the stored event's id; consumers drop a repeated id
 * @param type          the event type, such as {@code MonthlyReturnRecorded}
 * @param schemaVersion version of the payload's shape for this type
 * @param occurredAt    when the change was stored
 * @param subjectType   what the subject id names: {@code workforce-record}, {@code initiative} or {@code ics-plan}
 * @param subjectId     the record, initiative or plan the event belongs to; also the record key
 * @param sequence      the event's position in the subject's own history, starting at 0
 * @param trust         ODS code of the trust the acting user works for; null for system actions
 * @param correlationId id of the request that caused the change
 * @param payload       the type's fields
 */
public record WorkforceIntegrationEvent(String eventId, String type, int schemaVersion, Instant occurredAt,
        String subjectType, String subjectId, long sequence, String trust, String correlationId,
        Map<String, Object> payload) {

    public static final String TOPIC = "camrin.workforce.events";
    public static final int SCHEMA_VERSION = 1;
}
