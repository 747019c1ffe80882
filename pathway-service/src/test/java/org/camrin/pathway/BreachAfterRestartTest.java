package org.camrin.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.camrin.identity.security.CommandMetadataInterceptor;
import org.camrin.infra.testing.KafkaTestServer;
import org.camrin.infra.testing.MongoTestServer;
import org.camrin.infra.testing.PostgresTestServer;
import org.camrin.pathway.definition.api.DefinitionCommands.AdoptPathwayVersionCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.CreatePathwayDraftCommand;
import org.camrin.pathway.definition.api.DefinitionCommands.PublishPathwayCommand;
import org.camrin.pathway.definition.api.PathwayStep;
import org.camrin.pathway.patient.api.PatientCommands.StartPatientPathwayCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A deadline that falls while the service is stopped fires when it starts again: the service is
 * stopped and started as two Spring contexts against the same PostgreSQL and MongoDB databases.
 */
class BreachAfterRestartTest {

    private static final String DATABASE = "pathway_restart_test";
    private static final MetaData SYSTEM = MetaData.from(CommandMetadataInterceptor.systemMetadata("restart-test"));

    @Test
    void deadlineDuringStopFiresOnRestart() throws Exception {
        String pathwayId = UUID.randomUUID().toString();
        Instant due;

        try (ConfigurableApplicationContext first = startService()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            // Long enough that the first context is closed before the deadline, even on a busy machine.
            List<PathwayStep> steps = List.of(new PathwayStep("scan", "Scan", Duration.ofSeconds(15), null));
            send(commands, new CreatePathwayDraftCommand("RESTART", "Restart", "Lung cancer", steps, List.of()));
            send(commands, new PublishPathwayCommand("RESTART"));
            send(commands, new AdoptPathwayVersionCommand("RESTART", "RBL", 1, LocalDate.now()));
            Instant now = Instant.now();
            send(commands, new StartPatientPathwayCommand(pathwayId, "no-key", "no-pseudonym", "RBL", "RESTART", 1,
                    steps, now, now));
            due = now.plus(Duration.ofSeconds(15));

            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            awaitTrue(() -> count(jdbc, "select count(*) from pathway_deadline where pathway_id = ?", pathwayId) == 1);
        }

        // The service is stopped while the deadline passes.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 1_000);
        PostgresTestServer postgres = PostgresTestServer.shared();
        JdbcTemplate whileStopped = new JdbcTemplate(new SingleConnectionDataSource(postgres.url() + "/" + DATABASE,
                postgres.username(), postgres.password(), true));
        assertThat(breaches(whileStopped, pathwayId)).as("no breach is recorded while stopped").isZero();
        assertThat(count(whileStopped, "select count(*) from pathway_deadline where pathway_id = ?", pathwayId))
                .as("the deadline is still stored").isEqualTo(1);
        ((SingleConnectionDataSource) whileStopped.getDataSource()).destroy();

        try (ConfigurableApplicationContext second = startService()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            awaitTrue(() -> breaches(jdbc, pathwayId) == 1);

            assertThat(count(jdbc, "select count(*) from pathway_deadline where pathway_id = ?", pathwayId)).isZero();
            // The restart seeded nothing again: each standard pathway still has its two events.
            assertThat(count(jdbc, "select count(*) from domainevententry where aggregateidentifier = ?",
                    "NOLCP-IMAGING")).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext startService() {
        // Command-line arguments, because they take precedence over application.yml.
        return new SpringApplicationBuilder(PathwayServiceApplication.class).run(
                "--server.port=0",
                "--camrin.pathway.breach-poll-interval=PT0.5S",
                "--camrin.postgres.url=" + PostgresTestServer.shared().url(),
                "--camrin.postgres.username=" + PostgresTestServer.shared().username(),
                "--camrin.postgres.password=" + PostgresTestServer.shared().password(),
                "--camrin.postgres.database=" + DATABASE,
                "--spring.data.mongodb.uri=" + MongoTestServer.shared().uri(),
                "--spring.data.mongodb.database=" + DATABASE,
                "--spring.kafka.bootstrap-servers=" + KafkaTestServer.shared().bootstrapServers());
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(new GenericCommandMessage<>(command, SYSTEM));
    }

    private static long breaches(JdbcTemplate jdbc, String pathwayId) {
        return count(jdbc, "select count(*) from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%TargetBreachedEvent'", pathwayId);
    }

    private static long count(JdbcTemplate jdbc, String sql, String argument) {
        return jdbc.queryForObject(sql, Long.class, argument);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Condition not met within 20 seconds");
            }
            Thread.sleep(100);
        }
    }
}
