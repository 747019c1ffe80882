package org.camrin.pathway.patient.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.camrin.identity.security.CommandMetadataInterceptor;
import org.camrin.pathway.patient.api.PatientCommands.RecordTargetBreachCommand;
import org.camrin.pathway.patient.deadline.DeadlineStore.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the deadline table and sends a breach command for every due time that has passed,
 * including those that passed while the service was stopped.
 *
 * <p>The pathway aggregate ignores a breach that no longer applies, so a deadline is removed
 * once its command succeeded whether or not a breach was recorded. Several instances may send the
 * same command; the aggregate records the breach once.
 */
@Component
class BreachScheduler {

    static final int BATCH_SIZE = 200;

    private static final Logger log = LoggerFactory.getLogger(BreachScheduler.class);

    private final DeadlineStore deadlines;
    private final CommandGateway commands;
    private final Clock clock;

    BreachScheduler(DeadlineStore deadlines, CommandGateway commands) {
        this.deadlines = deadlines;
        this.commands = commands;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(fixedDelayString = "${camrin.pathway.breach-poll-interval}",
            initialDelayString = "${camrin.pathway.breach-poll-interval}")
    void sendPassedDeadlines() {
        Instant now = clock.instant();
        List<Deadline> passed = deadlines.passed(now, BATCH_SIZE);
        MetaData system = MetaData.from(CommandMetadataInterceptor.systemMetadata("pathway-breach-scheduler"));
        for (Deadline deadline : passed) {
            try {
                commands.sendAndWait(new GenericCommandMessage<>(
                        new RecordTargetBreachCommand(deadline.pathwayId(), deadline.stepKey(), now), system));
                deadlines.remove(deadline);
            } catch (RuntimeException failure) {
                // The deadline stays in the table, so the next poll sends it again.
                log.warn("Breach check for pathway {} step {} failed; retrying on the next poll",
                        deadline.pathwayId(), deadline.stepKey(), failure);
            }
        }
        if (!passed.isEmpty()) {
            log.info("Checked {} passed deadlines", passed.size());
        }
    }
}
