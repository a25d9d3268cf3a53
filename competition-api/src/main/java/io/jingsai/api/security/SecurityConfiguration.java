package io.jingsai.api.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ResponseStatusException;

import io.jingsai.api.web.ProblemDetailsExceptionHandler;

/**
 * Who may call what. Every access rule of the API lives in {@link #accessRules}; handlers contain no checks, so
 * adding roles and scopes later changes this one method.
 *
 * <p>Stateless HTTP Basic (no session, no CSRF token: the API serves no forms). Failures are problem+json: 401 with
 * a {@code WWW-Authenticate} challenge, 403 when the account lacks the right.
 *
 * <p>No request cache either: the default one asks for a web session on every request, and creating one (made and
 * thrown away each time) hops to other threads, {@code boundedElastic} then {@code parallel}, so every request went
 * on, and its response was written, off its connection's event loop. That hop also opened the window in which
 * Reactor Netty 1.3.6 stopped reading kept-alive connections (see {@code web.ResumeReadingAfterRequest}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] PUBLIC_READS = {
            "/", "/api/reference/**", "/api/public/**",
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemDetailsExceptionHandler problems,
                                                  ReactiveUserDetailsService users, PasswordEncoder encoder,
                                                  Clock clock) {
        UserDetailsRepositoryReactiveAuthenticationManager checking =
                new UserDetailsRepositoryReactiveAuthenticationManager(users);
        checking.setPasswordEncoder(encoder);
        return http
                .authenticationManager(new RememberingAuthenticationManager(checking, clock, Duration.ofMinutes(5)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(basic -> basic.authenticationEntryPoint((exchange, e) -> problems.handle(exchange,
                        challenge())))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> problems.handle(exchange, challenge()))
                        .accessDeniedHandler((exchange, e) -> problems.handle(exchange,
                                new ResponseStatusException(HttpStatus.FORBIDDEN, "your account may not do this"))))
                .authorizeExchange(this::accessRules)
                .build();
    }

    private void accessRules(AuthorizeExchangeSpec exchanges) {
        exchanges
                .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                .pathMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                .pathMatchers("/api/**", "/actuator/**").hasRole(AdministratorAccount.ROLE)
                .anyExchange().authenticated();
    }

    private static ResponseStatusException challenge() {
        ResponseStatusException unauthorized = new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                "sign in with HTTP Basic to use this endpoint") {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"jingsai\"");
                return headers;
            }
        };
        return unauthorized;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(AdministratorAccount administrator) {
        return administrator.userDetailsService();
    }
}
