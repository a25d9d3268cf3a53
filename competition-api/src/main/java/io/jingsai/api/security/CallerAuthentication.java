package io.jingsai.api.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.jingsai.api.account.Caller;

/** A signed-in caller: its account and grants as principal; the bearer token, if it came with one, as credentials. */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final transient Caller caller;
    private final transient Object credentials;

    CallerAuthentication(Caller caller, Object credentials) {
        super(caller.grants().stream().map(grant -> new SimpleGrantedAuthority("ROLE_" + grant.role().name()))
                .distinct().toList());
        this.caller = caller;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public String getName() {
        return caller.username();
    }

    Caller caller() {
        return caller;
    }

    static List<String> roles(Caller caller) {
        return caller.grants().stream().map(grant -> grant.role().name()).distinct().toList();
    }
}
