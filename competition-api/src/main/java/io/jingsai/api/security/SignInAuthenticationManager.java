package io.jingsai.api.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import io.jingsai.api.account.SignIn;
import io.jingsai.api.shared.AccessRefusedException;
import reactor.core.publisher.Mono;

/** HTTP Basic through {@link SignIn}: the client address comes as the token's details (see the configuration). */
class SignInAuthenticationManager implements ReactiveAuthenticationManager {

    /** A refused sign-in, carrying the answer the error path words (401 or 429). */
    static final class Refused extends AuthenticationException {
        private final transient AccessRefusedException answer;

        Refused(AccessRefusedException answer) {
            super(answer.getMessage());
            this.answer = answer;
        }

        AccessRefusedException answer() {
            return answer;
        }
    }

    private final SignIn signIn;

    SignInAuthenticationManager(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken basic)
                || !(basic.getCredentials() instanceof String password)) {
            return Mono.empty();
        }
        String address = basic.getDetails() instanceof String given ? given : "unknown";
        return signIn.check(basic.getName(), password, address)
                .<Authentication>map(caller -> new CallerAuthentication(caller, null))
                .onErrorMap(AccessRefusedException.class, Refused::new);
    }
}
