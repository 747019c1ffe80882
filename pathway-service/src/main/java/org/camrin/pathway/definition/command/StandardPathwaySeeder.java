package org.camrin.pathway.definition.command;

import java.time.Duration;
import java.util.List;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.camrin.identity.security.CommandMetadataInterceptor;
import org.camrin.pathway.definition.api.DefinitionCommands.CreatePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.PublishPathwayCommand;
import org.camrin.pathway.definition.api.PathwayStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes the national standard pathways on the first start. A pathway whose code already has
 * events in the event store is left alone, so restarts and several instances seed nothing twice.
 *
 * <p>Targets: National Optimal Lung Cancer Pathway (CT within 72 hours of an abnormal chest
 * X-ray, diagnosis within 28 days, the whole pathway within 49 days); the Faster Diagnosis
 * Standard (28 days from referral to diagnosis or ruling out); reporting of every imaging
 * examination within 4 weeks (NHS England with RCR and SoR, August 2023).
 */
@Component
class StandardPathwaySeeder {

    static final String LUNG = "NOLCP-IMAGING";
    static final String FASTER_DIAGNOSIS = "FDS-28";
    static final String REPORTING = "REPORTING-4W";

    private static final Logger log = LoggerFactory.getLogger(StandardPathwaySeeder.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    StandardPathwaySeeder(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    static List<CreatePathwayDraftCommand> standardPathways() {
        return List.of(
                new CreatePathwayDraftCommand(LUNG, "National Optimal Lung Cancer Pathway: imaging", "Lung cancer",
                        List.of(new PathwayStep("ct-performed", "CT chest performed after an abnormal chest X-ray",
                                        Duration.ofHours(72), null),
                                new PathwayStep("diagnosis-communicated", "Diagnosis or ruling out communicated",
                                        Duration.ofDays(28), null),
                                new PathwayStep("treatment-started", "First treatment started",
                                        Duration.ofDays(49), null)),
                        List.of("NOLCP CT within 72 hours", "Faster Diagnosis Standard 28 days",
                                "NOLCP whole pathway 49 days")),
                new CreatePathwayDraftCommand(FASTER_DIAGNOSIS, "Faster Diagnosis Standard", "Cancer, all tumour sites",
                        List.of(new PathwayStep("diagnosis-communicated",
                                "Diagnosis or ruling out communicated after referral", Duration.ofDays(28), null)),
                        List.of("Faster Diagnosis Standard 28 days")),
                new CreatePathwayDraftCommand(REPORTING, "Imaging examination reported within 4 weeks",
                        "Radiology reporting",
                        List.of(new PathwayStep("examination-reported", "Imaging examination reported",
                                Duration.ofDays(28), null)),
                        List.of("Reporting turnaround 4 weeks")));
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        MetaData system = MetaData.from(CommandMetadataInterceptor.systemMetadata("pathway-seed"));
        for (CreatePathwayDraftCommand pathway : standardPathways()) {
            if (eventStore.lastSequenceNumberFor(pathway.code()).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(new GenericCommandMessage<>(pathway, system));
                commands.sendAndWait(new GenericCommandMessage<>(new PublishPathwayCommand(pathway.code()), system));
                log.info("Seeded standard pathway {} as published version 1", pathway.code());
            } catch (RuntimeException raced) {
                // Another instance starting at the same moment may have created it first.
                log.warn("Seeding standard pathway {} failed; another instance may have seeded it", pathway.code(),
                        raced);
            }
        }
    }
}
