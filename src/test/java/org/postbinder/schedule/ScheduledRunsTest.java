package org.postbinder.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class ScheduledRunsTest {

    private static final Instant TONIGHT = Instant.parse("2026-12-02T02:00:00Z");

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final ScheduledRuns one = new ScheduledRuns(jdbc);
    private final ScheduledRuns other = new ScheduledRuns(jdbc);

    @Test
    void aScheduledTimeIsClaimedOnceWhicheverServerAsks() {
        assertThat(one.claim("harbour", TONIGHT, "20261202-020000")).isTrue();
        assertThat(other.claim("harbour", TONIGHT, "20261202-020000")).as("second server, same night").isFalse();
        assertThat(one.claim("harbour", TONIGHT, "20261202-020000")).as("same server again").isFalse();
        assertThat(other.claim("garden", TONIGHT, "20261202-020000")).as("another job, same night").isTrue();
        assertThat(other.claim("harbour", TONIGHT.plusSeconds(86_400), "20261203-020000")).as("next night").isTrue();
    }

    @Test
    void theLatestFiringOfAJobIsKnownWithItsOutcome() {
        // given
        one.claim("harbour", TONIGHT.minusSeconds(86_400), "20261201-020000");
        one.claim("harbour", TONIGHT, "20261202-020000");

        // when
        one.finish("harbour", TONIGHT, "FAILED");

        // then
        assertThat(one.latest("harbour")).contains(TONIGHT);
        assertThat(one.latest("garden")).isEmpty();
        assertThat(jdbc.sql("select outcome from scheduled_runs where job_name = 'harbour' and run_id = '20261202-020000'")
                .query(String.class).single()).isEqualTo("FAILED");
    }
}
