package org.postbinder.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC reads for tests that look into a launcher's database. */
public final class Sql {

    private Sql() {
    }

    /** The single number a {@code select count(*) ...} returns. */
    public static int count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
