package org.postbinder.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTest {

    private static final int MAX_FAILURES = 3;
    private static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final String ADDRESS = "192.0.2.10";

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new ServeProperties(List.of(), MAX_FAILURES, LOCKOUT), clock);

    @Test
    void anAddressWithoutFailuresMayTry() {
        // when / then
        assertThat(throttle.wait(ADDRESS)).isZero();
    }

    @Test
    void anAddressIsLockedAfterMaxFailedLogins() {
        // given
        failFrom(ADDRESS, MAX_FAILURES - 1);
        assertThat(throttle.wait(ADDRESS)).isZero();

        // when
        failFrom(ADDRESS, 1);

        // then
        assertThat(throttle.wait(ADDRESS)).isEqualTo(LOCKOUT);
    }

    @Test
    void theWaitShrinksAsTimePasses() {
        // given
        failFrom(ADDRESS, MAX_FAILURES);

        // when
        clock.advance(Duration.ofMinutes(10));

        // then
        assertThat(throttle.wait(ADDRESS)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anAddressIsFreeAgainOnceTheLockoutHasPassed() {
        // given
        failFrom(ADDRESS, MAX_FAILURES);

        // when
        clock.advance(LOCKOUT.plusSeconds(1));

        // then
        assertThat(throttle.wait(ADDRESS)).isZero();
    }

    @Test
    void afterTheLockoutTheCountStartsAfresh() {
        // given
        failFrom(ADDRESS, MAX_FAILURES);
        clock.advance(LOCKOUT.plusSeconds(1));

        // when: one failure less than the limit after the lockout
        failFrom(ADDRESS, MAX_FAILURES - 1);

        // then
        assertThat(throttle.wait(ADDRESS)).isZero();
        failFrom(ADDRESS, 1);
        assertThat(throttle.wait(ADDRESS)).isEqualTo(LOCKOUT);
    }

    @Test
    void theLockoutLastsItsFullLengthFromTheFailureThatReachedTheLimit() {
        // given: failures spread over almost the whole window
        failFrom(ADDRESS, MAX_FAILURES - 1);
        clock.advance(LOCKOUT.minusSeconds(1));

        // when
        failFrom(ADDRESS, 1);

        // then: locked for the whole lockout, not for the one second left of the window
        assertThat(throttle.wait(ADDRESS)).isEqualTo(LOCKOUT);
    }

    @Test
    void anotherAddressIsNotAffected() {
        // given
        failFrom(ADDRESS, MAX_FAILURES);

        // when / then
        assertThat(throttle.wait(ADDRESS)).isPositive();
        assertThat(throttle.wait("192.0.2.11")).isZero();
        assertThat(throttle.wait("2001:db8::10")).isZero();
    }

    @Test
    void everyKindOfFailedLoginCounts() {
        // given
        failFrom(ADDRESS, MAX_FAILURES - 1);

        // when
        throttle.failed(new AuthenticationFailureServiceExceptionEvent(login(ADDRESS, "any"),
                new AuthenticationServiceException("user store unavailable")));

        // then
        assertThat(throttle.wait(ADDRESS)).isEqualTo(LOCKOUT);
    }

    private void failFrom(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(new AuthenticationFailureBadCredentialsEvent(login(address, "guess-" + i),
                    new BadCredentialsException("Bad credentials")));
        }
    }

    /** A login attempt as Spring Security has it after a request from {@code address}. */
    private static Authentication login(String address, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated("otto", password);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    /** A clock the test moves forward by hand. */
    private static final class AdjustableClock extends Clock {

        private Instant now;

        AdjustableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
