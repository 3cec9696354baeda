package org.postbinder.web;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users of the page and the API, from {@code postbinder.serve.users}. There is no built-in
 * password: with no users configured, one operator is created with a random password that is
 * printed once, to the console only (it is never logged).
 */
final class Users {

    static final String FIRST_OPERATOR = "admin";
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    private Users() {
    }

    static InMemoryUserDetailsManager of(ServeProperties properties, PasswordEncoder encoder, PrintStream console) {
        if (properties.users().isEmpty()) {
            String password = randomPassword();
            console.printf("%nNo users are configured (postbinder.serve.users): created operator '%s' with password%n"
                    + "    %s%nIt is shown only this once. Configure users with BCrypt hashes to choose your own.%n%n",
                    FIRST_OPERATOR, password);
            return new InMemoryUserDetailsManager(user(FIRST_OPERATOR, encoder.encode(password), ServeProperties.Role.OPERATOR));
        }
        List<UserDetails> users = properties.users().stream().map(user -> {
            String hash = user.passwordHash().replaceFirst("^\\{bcrypt}", "");
            if (!BCRYPT.matcher(hash).matches()) {
                throw new IllegalArgumentException("postbinder.serve.users: the password-hash of user " + user.name()
                        + " is not a BCrypt hash (it starts $2a$, $2b$ or $2y$ and has 60 characters)");
            }
            return user(user.name(), hash, user.role());
        }).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, String hash, ServeProperties.Role role) {
        return User.withUsername(name).password(hash).roles(role.name()).build();
    }

    /** 144 random bits, URL-safe: typed once, pasted from the console. */
    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
