package org.camrin.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/**
 * Plain JDBC access to a table of Axon's default event schema, as Axon 4.13's JDBC storage
 * engine creates it on PostgreSQL: the service's own store, or a scratch copy of its shape.
 */
final class EventTable {

    static final EventSchema SCHEMA = EventSchema.builder().build();

    private static final String COLUMNS = String.join(", ", SCHEMA.eventIdentifierColumn(),
            SCHEMA.aggregateIdentifierColumn(), SCHEMA.sequenceNumberColumn(), SCHEMA.typeColumn(),
            SCHEMA.timestampColumn(), SCHEMA.payloadTypeColumn(), SCHEMA.payloadRevisionColumn(),
            SCHEMA.payloadColumn(), SCHEMA.metaDataColumn());

    static final String INSERT = "insert into " + SCHEMA.domainEventTable() + " (" + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Column list for {@code COPY}, in {@link StoredEvent}'s order. */
    static final String COPY_COLUMNS = COLUMNS;

    private EventTable() {
    }

    /** Creates the event table with the DDL Axon uses, so the scratch table matches the store. */
    static void create(Connection connection) throws SQLException {
        PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, SCHEMA).execute();
    }

    static void truncate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate " + SCHEMA.domainEventTable());
        }
    }

    static void bind(PreparedStatement insert, StoredEvent event) throws SQLException {
        insert.setString(1, event.eventIdentifier());
        insert.setString(2, event.aggregateIdentifier());
        insert.setLong(3, event.sequenceNumber());
        insert.setString(4, event.type());
        insert.setString(5, event.timestamp());
        insert.setString(6, event.payloadType());
        if (event.payloadRevision() == null) {
            insert.setNull(7, Types.VARCHAR);
        } else {
            insert.setString(7, event.payloadRevision());
        }
        insert.setBytes(8, event.payload());
        insert.setBytes(9, event.metaData());
    }

    /** Returns the highest global index stored, or 0 for an empty store. */
    static long head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(max(" + SCHEMA.globalIndexColumn()
                     + "), 0) from " + SCHEMA.domainEventTable())) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + SCHEMA.domainEventTable())) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Reads the rows after a global index, in global order. */
    static List<StoredEvent> readAfter(Connection connection, long globalIndex) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from "
                + SCHEMA.domainEventTable() + " where " + SCHEMA.globalIndexColumn() + " > ? order by "
                + SCHEMA.globalIndexColumn())) {
            select.setLong(1, globalIndex);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(read(rows));
                }
            }
        }
        return events;
    }

    static StoredEvent read(ResultSet rows) throws SQLException {
        return new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), rows.getBytes(8), rows.getBytes(9));
    }

    static String selectAggregate() {
        return "select " + COLUMNS + " from " + SCHEMA.domainEventTable() + " where "
                + SCHEMA.aggregateIdentifierColumn() + " = ? order by " + SCHEMA.sequenceNumberColumn();
    }

    /** A page of rows after a global index, for reading the whole store in order. */
    static String selectPage() {
        return "select " + SCHEMA.globalIndexColumn() + ", " + SCHEMA.payloadTypeColumn() + ", "
                + SCHEMA.payloadRevisionColumn() + ", " + SCHEMA.payloadColumn() + ", " + SCHEMA.metaDataColumn()
                + " from " + SCHEMA.domainEventTable() + " where " + SCHEMA.globalIndexColumn() + " > ? order by "
                + SCHEMA.globalIndexColumn() + " limit ?";
    }

    static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze " + SCHEMA.domainEventTable());
        }
    }
}
