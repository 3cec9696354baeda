package org.postbinder.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Who may use the page and the API, and how hard guessing a password is made
 * ({@code postbinder.serve.*}). With no users, {@code serve} creates one operator with a random
 * password and prints it once.
 *
 * @param users           name, BCrypt hash of the password, and role of each user
 * @param maxFailedLogins failed logins from one address before it must wait
 * @param loginLockout    how long it waits
 */
@Validated
@ConfigurationProperties("postbinder.serve")
public record ServeProperties(@Valid List<User> users, @Min(1) int maxFailedLogins, @NotNull Duration loginLockout) {

    public ServeProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param passwordHash a BCrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}), never a password */
    public record User(@NotBlank String name, @NotBlank String passwordHash, @NotNull Role role) {}

    /** Viewers see runs and download archives; operators also start, restart and stop runs. */
    public enum Role { VIEWER, OPERATOR }
}
