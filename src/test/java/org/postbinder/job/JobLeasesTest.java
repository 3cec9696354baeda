package org.postbinder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.postbinder.support.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

class JobLeasesTest {

    private final JdbcClient jdbc = TestDatabase.migrated();
    private final JobLeases leases = new JobLeases(jdbc);

    @Test
    void aSecondRunOfTheSameJobIsRefusedWithTheRunThatHoldsIt() {
        // given
        try (JobLeases.Lease first = leases.acquire("harbour", "20261201-020000")) {
            // when / then
            assertThatThrownBy(() -> leases.acquire("harbour", "20261201-030000"))
                    .isInstanceOf(JobBusyException.class)
                    .hasMessageContaining("job harbour is already running")
                    .hasMessageContaining("run 20261201-020000")
                    .hasMessageContaining("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void anotherJobRunsAlongsideAndAReleasedLeaseLetsTheNextRunStart() {
        // given
        JobLeases.Lease harbour = leases.acquire("harbour", "r1");

        // when
        JobLeases.Lease garden = leases.acquire("garden", "r1");
        harbour.close();
        JobLeases.Lease next = leases.acquire("harbour", "r2");

        // then
        assertThat(leases.holder("harbour")).hasValueSatisfying(holder -> assertThat(holder.run()).isEqualTo("r2"));
        assertThat(leases.holder("garden")).isPresent();
        next.close();
        garden.close();
        assertThat(leases.holder("harbour")).isEmpty();
    }

    @Test
    void aLeaseLeftByAKilledProcessOnThisHostIsTakenOver() throws Exception {
        // given: a process that has ended held the lease (as after SIGKILL)
        long deadPid = endedProcessId();
        insertLease("harbour", "killed-run", ProcessOwner.current().host(), deadPid);

        // when
        try (JobLeases.Lease lease = leases.acquire("harbour", "next-run")) {
            // then
            assertThat(lease.run()).isEqualTo("next-run");
            assertThat(leases.holder("harbour")).hasValueSatisfying(holder ->
                    assertThat(holder.owner()).isEqualTo(ProcessOwner.current()));
        }
    }

    @Test
    void aLeaseHeldOnAnotherHostIsRespectedBecauseItsProcessCannotBeChecked() {
        // given
        insertLease("harbour", "elsewhere", "another-host.example", 4242);

        // when / then
        assertThatThrownBy(() -> leases.acquire("harbour", "mine"))
                .isInstanceOf(JobBusyException.class)
                .hasMessageContaining("process 4242 on another-host.example");
    }

    private void insertLease(String job, String run, String host, long pid) {
        jdbc.sql("""
                        insert into job_leases (job_name, run_id, owner_host, owner_pid, acquired_at)
                        values (:job, :run, :host, :pid, :at)
                        """)
                .param("job", job).param("run", run).param("host", host).param("pid", pid)
                .param("at", Instant.parse("2026-12-01T02:00:00Z").atOffset(ZoneOffset.UTC))
                .update();
    }

    private static long endedProcessId() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
