package org.postbinder.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address: {@code max-failed-logins} failures within
 * {@code login-lockout} lock the address for {@code login-lockout} from the last of them (form and
 * API alike). A success does not clear the count: otherwise one valid account would let its owner
 * guess another's password without end. Keyed by address, not user name, so that nobody can lock
 * a user out by guessing. Behind a proxy, set {@code server.forward-headers-strategy} so that the
 * address is the client's.
 */
@Component
@ConditionalOnWebApplication
public class LoginThrottle {

    /** Addresses tracked at most; beyond that, expired entries go first, then unlocked ones. */
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

    /** Failures counted since {@code since}; {@code lockedUntil} is set once they reach the limit. */
    private record Failures(int count, Instant since, Instant lockedUntil) {

        boolean isLocked(Instant now) {
            return lockedUntil.isAfter(now);
        }

        boolean hasExpired(Instant now, Duration lockout) {
            return !isLocked(now) && !since.plus(lockout).isAfter(now);
        }
    }

    /** How long the address must still wait; zero when it may try. */
    public Duration wait(String address) {
        Failures failures = byAddress.get(address);
        Instant now = clock.instant();
        return failures == null || !failures.isLocked(now) ? Duration.ZERO : Duration.between(now, failures.lockedUntil());
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_TRACKED) {
            forget(now);
        }
        byAddress.compute(address(event.getAuthentication()), (address, old) -> {
            Failures counted = old == null || old.hasExpired(now, lockout)
                    ? new Failures(1, now, Instant.MIN) : new Failures(old.count() + 1, old.since(), old.lockedUntil());
            return counted.count() >= maxFailures ? new Failures(counted.count(), counted.since(), now.plus(lockout)) : counted;
        });
    }

    /** Keeps the map bounded: expired counts go, and if that is not enough, every address not locked. */
    private void forget(Instant now) {
        byAddress.values().removeIf(failures -> failures.hasExpired(now, lockout));
        if (byAddress.size() >= MAX_TRACKED) {
            byAddress.values().removeIf(failures -> !failures.isLocked(now));
        }
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
    }
}
