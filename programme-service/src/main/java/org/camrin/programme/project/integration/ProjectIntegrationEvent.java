package org.camrin.programme.project.integration;

import java.time.Instant;
import java.util.Map;

/**
 * The public form of a project event on the Kafka topic {@code camrin.programme.events}.
 * Consumers depend on these field names; a breaking change needs a new {@code schemaVersion}.
 *
 * @param eventId       the stored event's id; consumers drop a repeated id
 * @param type          the event type, such as {@code ProjectCreated}
 * @param schemaVersion version of the payload's shape for this type
 * @param occurredAt    when the change was stored
 * @param projectId     the project the event belongs to; also the record key
 * @param sequence      the event's position in the project's own history, starting at 0
 * @param trust         ODS code of the trust the acting user works for; null for system actions
 * @param correlationId id of the request that caused the change
 * @param payload       the type's fields
 */
public record ProjectIntegrationEvent(String eventId, String type, int schemaVersion, Instant occurredAt,
        String projectId, long sequence, String trust, String correlationId,
        Map<String, Object> payload) {

    public static final String TOPIC = "camrin.programme.events";
    public static final int SCHEMA_VERSION = 1;
}
