package org.camrin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.camrin.programme.project.api.ProjectCommands.RenameProjectCommand;
import org.camrin.programme.project.api.ProjectEvents.ProjectCreatedEvent;
import org.camrin.programme.project.api.ProjectEvents.ProjectRenamedEvent;
import org.camrin.programme.project.api.ProjectId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills the service's event store to a size, then measures commands on existing projects and a
 * full replay of the project projection against their plain JDBC counterparts.
 */
final class StoreSizeBenchmark {

    /** Events per filled project: one creation and nine renames, so query documents stay small. */
    static final int EVENTS_PER_PROJECT = 10;
    private static final int PROJECTS_PER_COPY = 10_000;
    private static final int PAGE = 1_000;

    /** Rates in events a second at one store size. */
    record Result(long storedEvents, double commandsPerSecond, double rawAppendsPerSecond,
            double replayPerSecond, double rawReadPerSecond, boolean replayFinished, double replayedShare) {
    }

    private final ServiceUnderTest service;
    private final Phases phases;
    private final Serializer serializer;
    private final ProjectEventFactory factory;
    private final List<UUID> projectIds;
    private final Random random = new Random(20_260_101L);
    private int nextProjectIndex;

    StoreSizeBenchmark(ServiceUnderTest service, Phases phases, String aggregateType, List<UUID> existingProjects) {
        this.service = service;
        this.phases = phases;
        this.serializer = service.eventSerializer();
        this.factory = new ProjectEventFactory(serializer, aggregateType);
        this.projectIds = new ArrayList<>(existingProjects);
        this.nextProjectIndex = existingProjects.size();
    }

    /** Stops both processors so the fill and the command measures run without them chasing the store. */
    void stopProcessors() {
        service.processor(ServiceUnderTest.PUBLISHER).shutDown();
        service.processor(ServiceUnderTest.PROJECTION).shutDown();
    }

    Result run(int size, int commands, Duration replayTimeout) throws Exception {
        fill(size);
        long stored;
        try (Connection connection = service.connect(ServiceUnderTest.DATABASE)) {
            stored = EventTable.count(connection);
        }

        double commandRate = renameCommands(size, commands);
        double rawAppendRate = rawAppends(size, commands);
        Replay replay = replay(size, replayTimeout);
        double rawReadRate = rawRead(size);
        return new Result(stored, commandRate, rawAppendRate, replay.rate(), rawReadRate, replay.finished(),
                replay.share());
    }

    /** Adds projects of {@value #EVENTS_PER_PROJECT} events with COPY until the store contains {@code size} events. */
    private void fill(int size) throws SQLException, IOException {
        long started = System.nanoTime();
        try (Connection connection = service.connect(ServiceUnderTest.DATABASE)) {
            long missing = size - EventTable.count(connection);
            if (missing <= 0) {
                return;
            }
            Progress progress = new Progress("fill to " + size + " events", missing);
            long written = 0;
            PGConnection postgres = connection.unwrap(PGConnection.class);
            Instant start = Instant.now().minus(Duration.ofDays(30));
            while (written < missing) {
                CopyIn copy = postgres.getCopyAPI().copyIn("copy " + EventTable.SCHEMA.domainEventTable() + " ("
                        + EventTable.COPY_COLUMNS + ") from stdin with (format csv)");
                try {
                    written += copyProjects(copy, missing - written, start, progress, written);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            }
            long analyzeStarted = System.nanoTime();
            EventTable.analyze(connection);
            phases.record("fill to " + size + " events (" + missing + " added by COPY)", started, analyzeStarted);
            phases.record("analyze at " + size, analyzeStarted, System.nanoTime());
        }
    }

    /**
     * Writes up to {@value #PROJECTS_PER_COPY} projects to one COPY. Their events interleave by
     * round, as projects worked on side by side would, and each project's events keep their order.
     */
    private long copyProjects(CopyIn copy, long limit, Instant start, Progress progress, long writtenBefore)
            throws SQLException {
        int projects = (int) Math.min(PROJECTS_PER_COPY, (limit + EVENTS_PER_PROJECT - 1) / EVENTS_PER_PROJECT);
        List<List<StoredEvent>> histories = new ArrayList<>(projects);
        long remaining = limit;
        for (int p = 0; p < projects; p++) {
            int events = (int) Math.min(EVENTS_PER_PROJECT, remaining);
            remaining -= events;
            UUID id = UUID.randomUUID();
            histories.add(factory.projectHistory(id, nextProjectIndex++, events - 1,
                    start.plusSeconds(projectIds.size())));
            projectIds.add(id);
        }

        long written = 0;
        StringBuilder rows = new StringBuilder(1 << 20);
        for (int round = 0; round < EVENTS_PER_PROJECT; round++) {
            for (List<StoredEvent> history : histories) {
                if (round < history.size()) {
                    appendCsv(rows, history.get(round));
                    written++;
                }
            }
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
            progress.update(writtenBefore + written);
        }
        return written;
    }

    private static void appendCsv(StringBuilder rows, StoredEvent event) {
        HexFormat hex = HexFormat.of();
        // Identifiers, type names and ISO timestamps contain no comma, quote or line break, so
        // they need no quoting. An empty unquoted field is NULL in CSV COPY.
        rows.append(event.eventIdentifier()).append(',')
                .append(event.aggregateIdentifier()).append(',')
                .append(event.sequenceNumber()).append(',')
                .append(event.type()).append(',')
                .append(event.timestamp()).append(',')
                .append(event.payloadType()).append(',')
                .append(event.payloadRevision() == null ? "" : event.payloadRevision()).append(",\\x")
                .append(hex.formatHex(event.payload())).append(",\\x")
                .append(hex.formatHex(event.metaData())).append('\n');
    }

    /** Sends rename commands to random existing projects: each loads the project's events and appends one. */
    private double renameCommands(int size, int commands) {
        CommandGateway gateway = service.commandGateway();
        Progress progress = new Progress("rename commands at " + size, commands);
        long started = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            ProjectId id = new ProjectId(projectIds.get(random.nextInt(projectIds.size())));
            gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                    new RenameProjectCommand(id, "Renamed at " + size + " events, command " + i))
                    .andMetaData(ProjectEventFactory.commandMetaData(i)));
            progress.update(i + 1);
        }
        long done = System.nanoTime();
        phases.record("rename commands at " + size, started, done);
        return CreateProjectBenchmark.rate(commands, started, done);
    }

    /**
     * Performs the same work with plain JDBC in one transaction each: read a project's rows, deserialize
     * them to find its title, and insert one serialized rename event after the last.
     */
    private double rawAppends(int size, int commands) throws SQLException {
        Progress progress = new Progress("raw load and append at " + size, commands);
        try (Connection connection = service.connect(ServiceUnderTest.DATABASE);
             PreparedStatement select = connection.prepareStatement(EventTable.selectAggregate());
             PreparedStatement insert = connection.prepareStatement(EventTable.INSERT)) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int i = 0; i < commands; i++) {
                ProjectId id = new ProjectId(projectIds.get(random.nextInt(projectIds.size())));
                select.setString(1, id.toString());
                String title = null;
                long last = -1;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        StoredEvent event = EventTable.read(rows);
                        last = event.sequenceNumber();
                        Object payload = deserialize(event.payload(), event.payloadType(), event.payloadRevision());
                        serializer.deserialize(new SimpleSerializedObject<>(event.metaData(), byte[].class,
                                serializer.typeForClass(MetaData.class)));
                        if (payload instanceof ProjectCreatedEvent created) {
                            title = created.title();
                        } else if (payload instanceof ProjectRenamedEvent renamed) {
                            title = renamed.title();
                        }
                    }
                }
                EventTable.bind(insert, factory.renamed(id, last + 1, "Raw rename at " + size + " events, " + i,
                        title, i));
                insert.executeUpdate();
                connection.commit();
                progress.update(i + 1);
            }
            long done = System.nanoTime();
            phases.record("raw load and append at " + size, started, done);
            return CreateProjectBenchmark.rate(commands, started, done);
        }
    }

    private Object deserialize(byte[] data, String type, String revision) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(data, byte[].class, type, revision);
        return serializer.deserialize(serialized);
    }

    private record Replay(double rate, boolean finished, double share) {
    }

    /**
     * Resets the project projection, which drops its query models, and times until every segment's
     * token reaches the head of the store; gives up after {@code timeout} and reports the share done.
     */
    private Replay replay(int size, Duration timeout) throws SQLException, InterruptedException {
        long head;
        try (Connection connection = service.connect(ServiceUnderTest.DATABASE)) {
            head = EventTable.head(connection);
        }
        StreamingEventProcessor projection = service.processor(ServiceUnderTest.PROJECTION);
        projection.shutDown();
        Progress progress = new Progress("projection replay at " + size, head);

        long started = System.nanoTime();
        projection.resetTokens();
        projection.start();
        long deadline = started + timeout.toNanos();
        long reached = 0;
        while (reached < head && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reached = lowestPosition(projection);
            progress.update(Math.max(0, reached));
        }
        long done = System.nanoTime();
        boolean finished = reached >= head;
        phases.record("projection replay at " + size + (finished ? "" : " (stopped at the time limit)"),
                started, done);
        if (finished) {
            requireEveryProjectProjected();
        } else {
            // A replay left running would compete with the next measures for the same 2 cores.
            projection.shutDown();
        }
        double share = Math.max(0, reached) / (double) head;
        return new Replay(CreateProjectBenchmark.rate(Math.max(0, reached), started, done), finished, share);
    }

    /** Checks that the replay rebuilt one query document for every stored project, so no event was skipped. */
    private void requireEveryProjectProjected() {
        try (MongoClient mongo = MongoClients.create(service.mongoUri)) {
            long documents = mongo.getDatabase(ServiceUnderTest.DATABASE).getCollection("projects").countDocuments();
            if (documents != projectIds.size()) {
                throw new IllegalStateException("The replay rebuilt " + documents + " project documents, but the "
                        + "store holds " + projectIds.size() + " projects.");
            }
        }
    }

    /**
     * Returns the lowest global index any segment has reached, or -1 until the claimed segments cover the
     * whole event stream.
     */
    private static long lowestPosition(StreamingEventProcessor processor) {
        double covered = 0;
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            covered += 1.0 / (segment.getSegment().getMask() + 1);
            lowest = Math.min(lowest, segment.getCurrentPosition().orElse(-1));
        }
        return covered < 0.999 ? -1 : lowest;
    }

    /** Reads every stored event in global order with plain JDBC and deserializes payload and metadata. */
    private double rawRead(int size) throws SQLException {
        try (Connection connection = service.connect(ServiceUnderTest.DATABASE);
             PreparedStatement select = connection.prepareStatement(EventTable.selectPage())) {
            long head = EventTable.head(connection);
            Progress progress = new Progress("raw read at " + size, head);
            long started = System.nanoTime();
            long position = 0;
            long read = 0;
            var metaDataType = serializer.typeForClass(MetaData.class);
            while (position < head) {
                select.setLong(1, position);
                select.setInt(2, PAGE);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        position = rows.getLong(1);
                        deserialize(rows.getBytes(4), rows.getString(2), rows.getString(3));
                        serializer.deserialize(new SimpleSerializedObject<>(rows.getBytes(5), byte[].class,
                                metaDataType));
                        read++;
                    }
                }
                progress.update(position);
            }
            long done = System.nanoTime();
            phases.record("raw read at " + size, started, done);
            return CreateProjectBenchmark.rate(read, started, done);
        }
    }
}
