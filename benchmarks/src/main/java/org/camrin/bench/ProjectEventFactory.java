package org.camrin.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.camrin.programme.programme.Programme;
import org.camrin.programme.project.api.ProjectCommands.CreateProjectCommand;
import org.camrin.programme.project.api.ProjectEvents.ProjectCreatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRenamedEvent;
import org.camrin.programme.project.api.ProjectId;
import org.camrin.support.network.NetworkTrust;

/**
 * Realistic project commands and stored project events for filling the store. Events are
 * serialized with the service's own serializer, as its JDBC storage engine does, and carry the
 * metadata the service's correlation providers put on every event.
 */
final class ProjectEventFactory {

    private static final Programme[] PROGRAMMES = Programme.values();
    private static final NetworkTrust[] TRUSTS = NetworkTrust.values();
    private static final String SUMMARY = "Standardise the imaging pathway across the network's trusts, "
            + "agree shared protocols and report turnaround targets, and track delivery against the "
            + "programme board's milestones.";

    private final Serializer serializer;
    private final String aggregateType;

    ProjectEventFactory(Serializer serializer, String aggregateType) {
        this.serializer = serializer;
        this.aggregateType = aggregateType;
    }

    static CreateProjectCommand createCommand(int index) {
        NetworkTrust lead = TRUSTS[index % TRUSTS.length];
        return new CreateProjectCommand(ProjectId.newId(), PROGRAMMES[index % PROGRAMMES.length].id(),
                "Imaging project " + index, SUMMARY, lead.odsCode(),
                Set.of(TRUSTS[(index + 1) % TRUSTS.length].odsCode(), TRUSTS[(index + 2) % TRUSTS.length].odsCode()));
    }

    /** Metadata a signed-in programme manager's command carries into its events. */
    static Map<String, Object> commandMetaData(int index) {
        NetworkTrust trust = TRUSTS[index % TRUSTS.length];
        return Map.of("userId", UUID.nameUUIDFromBytes(("user-" + trust.odsCode()).getBytes()).toString(),
                "username", "programme-manager." + trust.odsCode().toLowerCase(),
                "trust", trust.odsCode(),
                "correlationId", UUID.randomUUID().toString());
    }

    /**
     * The stored events of one project: its creation, then {@code renames} renames, numbered from
     * sequence 0.
     */
    List<StoredEvent> projectHistory(UUID projectId, int index, int renames, Instant start) {
        List<StoredEvent> events = new ArrayList<>(renames + 1);
        ProjectId id = new ProjectId(projectId);
        NetworkTrust lead = TRUSTS[index % TRUSTS.length];
        String title = "Imaging project " + index;
        events.add(event(id, 0, new ProjectCreatedEvent(id, PROGRAMMES[index % PROGRAMMES.length].id(), title,
                SUMMARY, lead.odsCode(), List.of(lead.odsCode(), TRUSTS[(index + 1) % TRUSTS.length].odsCode())),
                index, start));
        for (int rename = 1; rename <= renames; rename++) {
            String newTitle = "Imaging project " + index + " revision " + rename;
            events.add(event(id, rename, new ProjectRenamedEvent(id, newTitle, title), index,
                    start.plusMillis(rename)));
            title = newTitle;
        }
        return events;
    }

    StoredEvent renamed(ProjectId id, long sequence, String title, String previousTitle, int index) {
        return event(id, sequence, new ProjectRenamedEvent(id, title, previousTitle), index, Instant.now());
    }

    private StoredEvent event(ProjectId id, long sequence, Object payload, int index, Instant at) {
        Map<String, Object> metaData = new java.util.HashMap<>(commandMetaData(index));
        String cause = UUID.randomUUID().toString();
        metaData.put("causationId", cause);
        metaData.put("traceId", cause);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(aggregateType, id.toString(),
                sequence, payload, MetaData.from(metaData), UUID.randomUUID().toString(), at);

        SerializedObject<byte[]> serializedPayload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> serializedMetaData = message.serializeMetaData(serializer, byte[].class);
        return new StoredEvent(message.getIdentifier(), message.getAggregateIdentifier(), sequence, aggregateType,
                DateTimeUtils.formatInstant(at), serializedPayload.getType().getName(),
                serializedPayload.getType().getRevision(), serializedPayload.getData(), serializedMetaData.getData());
    }
}
