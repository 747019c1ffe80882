package org.camrin.pathway.feed;

import java.time.Instant;
import java.util.Map;

/**
 * The public form of a pathway event on the Kafka topic {@code camrin.pathway.events}, described
 * in {@code docs/contracts/camrin.pathway.events.asyncapi.yaml}. Consumers depend on these names;
 * a breaking change needs a new {@code schemaVersion}.
 *
 * @param eventId          the stored event's id; consumers drop a repeated id
 * @param type             the event type, such as {@code StepCompleted}
 * @param schemaVersion    version of the envelope and payload shape
 * @param occurredAt       when the event was stored
 * @param pathwayCode      the pathway definition's code
 * @param pathwayVersion   the definition version concerned
 * @param trust            ODS code of the trust; null for definition events that concern no trust
 * @param patientPathwayId the patient pathway, also the record key; null for definition events
 * @param sequence         the event's position in its aggregate's history, starting at 0
 * @param payload          the type's fields
 */
public record PathwayFeedEvent(String eventId, String type, int schemaVersion, Instant occurredAt, String pathwayCode,
        int pathwayVersion, String trust, String patientPathwayId, long sequence, Map<String, Object> payload) {

    public static final String TOPIC = "camrin.pathway.events";
    public static final int SCHEMA_VERSION = 1;
}
