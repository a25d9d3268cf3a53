package io.jingsai.api.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The administrator account, the only account until roles and scopes arrive. Its password comes from
 * {@code JINGSAI_ADMIN_PASSWORD}; there is no default password: when it is unset, a random one is generated and
 * printed once at start-up, valid until the process stops.
 */
@Component
class AdministratorAccount {

    static final String ROLE = "ORGANIZER_ADMIN";
    private static final Logger log = LoggerFactory.getLogger(AdministratorAccount.class);

    private final UserDetails user;

    AdministratorAccount(@Value("${jingsai.admin.username}") String username,
                         @Value("${jingsai.admin.password:}") String password,
                         PasswordEncoder encoder) {
        String effective = password.isBlank() ? generated(username) : password;
        this.user = User.withUsername(username).password(encoder.encode(effective)).roles(ROLE).build();
    }

    MapReactiveUserDetailsService userDetailsService() {
        return new MapReactiveUserDetailsService(user);
    }

    private static String generated(String username) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        log.warn("No JINGSAI_ADMIN_PASSWORD set: generated a password for '{}' valid until this process stops: {}",
                username, password);
        return password;
    }
}
