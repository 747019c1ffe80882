package org.camrin.support.postgres;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps its event store: one PostgreSQL database per service on a shared server.
 *
 * @param url      JDBC URL of the server without a database name, for example
 *                 {@code jdbc:postgresql://localhost:5432}
 * @param database the service's own database, created on first start when missing
 * @param username the database user
 * @param password the database user's password; empty for the embedded server's trust login
 * @param maximumPoolSize connections the service may hold open
 */
@ConfigurationProperties("camrin.postgres")
public record ServiceDatabaseProperties(String url, String database, String username, String password,
        Integer maximumPoolSize) {

    public ServiceDatabaseProperties {
        if (url == null || url.isBlank()) {
            url = "jdbc:postgresql://localhost:5432";
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (database == null || !database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("camrin.postgres.database must be a lower-case PostgreSQL "
                    + "identifier such as 'programme', but was '" + database + "'");
        }
        username = username == null || username.isBlank() ? "postgres" : username;
        password = password == null ? "" : password;
        maximumPoolSize = maximumPoolSize == null ? 10 : maximumPoolSize;
    }

    /** JDBC URL of the service's database. */
    public String databaseUrl() {
        return url + "/" + database;
    }

    /** JDBC URL of the server's maintenance database, used to create the service's database. */
    public String maintenanceUrl() {
        return url + "/postgres";
    }
}
