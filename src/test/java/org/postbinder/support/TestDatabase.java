package org.postbinder.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh database for one test, with the application schema migrated by the real Flyway scripts:
 * in-memory H2 by default; a new PostgreSQL database when the build runs with {@code -Ppostgres}
 * (system property {@value #POSTGRES}, the server's JDBC URL without a database name). Each
 * PostgreSQL database made here is dropped when the test JVM ends.
 */
public final class TestDatabase {

    /** The PostgreSQL server to test against, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}. */
    public static final String POSTGRES = "postbinder.test.postgres";
    private static final String POSTGRES_USER = "postbinder.test.postgres.user";

    private TestDatabase() {
    }

    public static JdbcClient migrated() {
        DataSource dataSource = fresh();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return JdbcClient.create(dataSource);
    }

    /** Whether the tests run against PostgreSQL rather than H2. */
    public static boolean isPostgres() {
        return !System.getProperty(POSTGRES, "").isBlank();
    }

    /** A new, empty database: in-memory H2, or a PostgreSQL database of its own. */
    public static DataSource fresh() {
        if (!isPostgres()) {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }
        return new SimpleDriverDataSource(new org.postgresql.Driver(), newPostgresDatabase(), user(), "");
    }

    /** The user the tests connect to PostgreSQL as. */
    public static String user() {
        return System.getProperty(POSTGRES_USER, "postgres");
    }

    /** Creates a PostgreSQL database for one test and returns its JDBC URL. */
    public static String newPostgresDatabase() {
        String server = System.getProperty(POSTGRES);
        String name = "postbinder_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(server, "create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "drop database if exists " + name + " with (force)")));
        return server + name;
    }

    private static void execute(String server, String sql) {
        try (Connection admin = DriverManager.getConnection(server + "postgres", user(), "");
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + server + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
