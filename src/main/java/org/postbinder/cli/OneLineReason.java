package org.postbinder.cli;

import java.sql.SQLException;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;

/** The one-line reason shown when a command fails: the deepest cause's message, without a stack trace. */
public final class OneLineReason {

    private OneLineReason() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        boolean databaseInUse = inUse(cause);
        ConfigurationProperty badSetting = badSetting(cause);
        SQLException unreachable = unreachable(cause);
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            databaseInUse |= inUse(cause);
            badSetting = badSetting == null ? badSetting(cause) : badSetting;
            unreachable = unreachable == null ? unreachable(cause) : unreachable;
        }
        if (databaseInUse) {
            return "the embedded database under output/.postbinder is in use by another Postbinder process "
                    + "(embedded H2 serves one process at a time: wait for it to end, or use PostgreSQL)";
        }
        if (unreachable != null) {
            return "cannot connect to the database (spring.datasource.url): " + firstLine(unreachable.getMessage());
        }
        String message = failure instanceof org.postbinder.job.JobFileException ? failure.getMessage() : cause.getMessage();
        String line = message == null ? cause.getClass().getSimpleName() : firstLine(message);
        // the setting's name, not its value: it may be a password's hash
        return badSetting == null ? line : "invalid setting " + badSetting.getName() + ": " + line;
    }

    /** A failure to reach the database server: SQL state class 08, "connection exception". */
    private static SQLException unreachable(Throwable failure) {
        return failure instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                ? sql : null;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }

    /** The setting that could not be bound, when the failure is a bad value in the configuration. */
    private static ConfigurationProperty badSetting(Throwable failure) {
        return failure instanceof BindException bind ? bind.getProperty() : null;
    }

    /** H2's words for a database file another process has open. */
    private static boolean inUse(Throwable failure) {
        String message = failure.getMessage();
        return message != null && (message.contains("Database may be already in use") || message.contains("The file is locked"));
    }
}
