package org.postbinder.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Turns away a login attempt (the login form's POST, or a request that carries credentials) from
 * an address that failed too often: 429 with Retry-After, or back to the login page saying so.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean formLogin = HttpMethod.POST.matches(request.getMethod()) && "/login".equals(path);
        boolean credentials = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        Duration wait = formLogin || credentials ? throttle.wait(request.getRemoteAddr()) : Duration.ZERO;
        if (wait.isZero()) {
            chain.doFilter(request, response);
        } else if (formLogin) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
        } else {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds())));
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), "too many failed logins; try again later");
        }
    }
}
