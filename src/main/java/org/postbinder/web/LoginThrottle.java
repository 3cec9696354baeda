package org.postbinder.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address: after {@code max-failed-logins} failures, the address
 * must wait {@code login-lockout} before it may try again (form and API alike). A success clears
 * the count. Keyed by address, not user name, so nobody can lock a user out by guessing.
 */
@Component
@ConditionalOnWebApplication
public class LoginThrottle {

    /** Addresses tracked at most; beyond that, expired entries are dropped first. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(ServeProperties properties) {
        this(properties, Clock.systemUTC());
    }

    LoginThrottle(ServeProperties properties, Clock clock) {
        this.maxFailures = properties.maxFailedLogins();
        this.lockout = properties.loginLockout();
        this.clock = clock;
    }

    /** Failures since {@code since}; counting starts afresh once {@code lockout} has passed. */
    private record Failures(int count, Instant since) {}

    /** How long the address must still wait; zero when it may try. */
    public Duration wait(String address) {
        Failures failures = byAddress.get(address);
        if (failures == null || failures.count() < maxFailures) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), failures.since().plus(lockout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication());
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_TRACKED) {
            byAddress.values().removeIf(failures -> failures.since().plus(lockout).isBefore(now));
        }
        byAddress.merge(address, new Failures(1, now), (old, one) -> old.since().plus(lockout).isBefore(now)
                ? one : new Failures(old.count() + 1, old.since()));
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        byAddress.remove(address(event.getAuthentication()));
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
