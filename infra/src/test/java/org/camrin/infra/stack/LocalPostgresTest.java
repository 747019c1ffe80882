package org.camrin.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsDataAcrossRestart() throws SQLException {
        int port = Ports.findFree();

        try (LocalPostgres postgres = LocalPostgres.start(port, dataDirectory)) {
            try (Connection connection = connect(postgres);
                 Statement statement = connection.createStatement()) {
                assertThat(queryString(statement, "select 1")).isEqualTo("1");
                assertThat(queryString(statement, "show synchronous_commit")).isEqualTo("on");
                statement.execute("create database camrin_restart_check");
                statement.execute("create table restart_check (name text)");
                statement.execute("insert into restart_check values ('kept')");
            }
        }

        try (LocalPostgres postgres = LocalPostgres.start(port, dataDirectory);
             Connection connection = connect(postgres);
             Statement statement = connection.createStatement()) {
            assertThat(queryString(statement, "select name from restart_check")).isEqualTo("kept");
            assertThat(queryString(statement,
                    "select count(*) from pg_database where datname = 'camrin_restart_check'")).isEqualTo("1");
        }
    }

    @Test
    void rejectsPortInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalPostgres.start(port, dataDirectory))
                    .isInstanceOf(StackStartException.class)
                    .hasMessageContaining("Port " + port)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void rejectsDirectoryWithOtherFiles() throws IOException {
        Files.writeString(dataDirectory.resolve("notes.txt"), "not a database");

        assertThatThrownBy(() -> LocalPostgres.start(Ports.findFree(), dataDirectory))
                .isInstanceOf(StackStartException.class)
                .hasMessageContaining("no PostgreSQL cluster");
    }

    private static Connection connect(LocalPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"));
    }

    private static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
