package org.camrin.support.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The service's PostgreSQL data source. The service creates its own database on first start, so
 * the same settings work against the embedded server and an external one.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty("camrin.postgres.database")
@EnableConfigurationProperties(ServiceDatabaseProperties.class)
public class ServiceDataSourceAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ServiceDataSourceAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(ServiceDatabaseProperties properties) throws SQLException {
        createDatabaseIfMissing(properties);

        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(properties.databaseUrl());
        dataSource.setUsername(properties.username());
        dataSource.setPassword(properties.password());
        dataSource.setMaximumPoolSize(properties.maximumPoolSize());
        dataSource.setPoolName(properties.database() + "-pool");
        return dataSource;
    }

    static void createDatabaseIfMissing(ServiceDatabaseProperties properties) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                properties.maintenanceUrl(), properties.username(), properties.password())) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, properties.database());
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            // The name was checked against a strict identifier pattern, so quoting it is safe.
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + properties.database() + "\"");
                log.info("Created PostgreSQL database {} at {}", properties.database(), properties.url());
            } catch (SQLException raced) {
                // Another instance of the service may have created it a moment ago.
                if (!"42P04".equals(raced.getSQLState())) {
                    throw raced;
                }
            }
        }
    }
}
