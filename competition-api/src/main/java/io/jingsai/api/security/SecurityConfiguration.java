package io.jingsai.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerHttpBasicAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ResponseStatusException;

import io.jingsai.api.account.Sessions;
import io.jingsai.api.account.SignIn;
import io.jingsai.api.account.Tokens;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.web.ClientAddresses;
import io.jingsai.api.web.ProblemDetailsExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * How callers sign in, and the web protections around every request. Who may call what is in {@link AccessRules},
 * applied by {@link ScopedAccess}; handlers contain no route checks.
 *
 * <ul>
 *   <li>HTTP Basic (for scripts), checked by {@code account.SignIn} with back-off, and remembered briefly by
 *       {@link RememberingAuthenticationManager}; bearer tokens from {@code POST /api/auth/token} (JWT, checked by
 *       the OAuth2 resource server support, and their session looked up so that a revoked one is refused).</li>
 *   <li>Stateless: no session, no request cache, no form login. CSRF tokens are off because no credential is ever
 *       sent by the browser on its own: there are no cookies, and a bearer token is added by the client's code.
 *       HTTP Basic is the exception a browser may replay by itself, so a cross-site request (an {@code Origin}
 *       that is neither this server nor a configured dashboard) is refused before it is signed in
 *       ({@link CrossOriginGuard}); a cross-site form post always carries {@code Origin}.</li>
 *   <li>Headers: a Content-Security-Policy for everything we serve (the API and Swagger UI), nosniff, frame
 *       options DENY, no-store caching of answers, a referrer policy, and HSTS on requests that came over TLS.</li>
 * </ul>
 *
 * <p>No request cache: the default one asks for a web session on every request, and creating one (made and thrown
 * away each time) hops to other threads, {@code boundedElastic} then {@code parallel}, so every request went on, and
 * its response was written, off its connection's event loop. That hop also opened the window in which Reactor Netty
 * 1.3.6 stopped reading kept-alive connections (see {@code web.ResumeReadingAfterRequest}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemDetailsExceptionHandler problems,
                                                  RememberingAuthenticationManager basicSignIn, Tokens tokens,
                                                  Sessions sessions, ScopedAccess access,
                                                  CrossOriginGuard crossOrigin) {
        ServerAuthenticationEntryPoint entryPoint = (exchange, e) -> problems.handle(exchange, answer(e, exchange
                .getRequest()));
        ServerAccessDeniedHandler denied = (exchange, e) -> problems.handle(exchange,
                e instanceof ScopedAccess.Refusal refusal ? refusal.answer()
                        : AccessRefusedException.forbidden("access.forbidden"));
        return http
                // Not needed: see the class comment. Tokens and Basic credentials are never sent by a browser on its
                // own from another site (Basic is guarded by CrossOriginGuard).
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(cors -> cors.configurationSource(crossOrigin.corsConfiguration()))
                .addFilterBefore(crossOrigin, SecurityWebFiltersOrder.CORS)
                .addFilterAt(basic(basicSignIn, entryPoint), SecurityWebFiltersOrder.HTTP_BASIC)
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied)
                        .jwt(jwt -> jwt.jwtDecoder(tokens.decoder())
                                .jwtAuthenticationConverter(token -> caller(sessions, token))))
                .addFilterBefore(new BodyScope(), SecurityWebFiltersOrder.AUTHORIZATION)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(access))
                .build();
    }

    @Bean
    RememberingAuthenticationManager basicSignIn(SignIn signIn, Clock clock) {
        return new RememberingAuthenticationManager(new SignInAuthenticationManager(signIn), clock,
                Duration.ofMinutes(5), signIn::lockedOut);
    }

    @Bean
    CrossOriginGuard crossOriginGuard(ProblemDetailsExceptionHandler problems,
                                      @Value("${jingsai.security.cors-origins:}") List<String> origins) {
        return new CrossOriginGuard(problems, origins);
    }

    private static AuthenticationWebFilter basic(RememberingAuthenticationManager manager,
                                                 ServerAuthenticationEntryPoint entryPoint) {
        AuthenticationWebFilter basic = new AuthenticationWebFilter(manager);
        ServerHttpBasicAuthenticationConverter credentials = new ServerHttpBasicAuthenticationConverter();
        basic.setServerAuthenticationConverter(exchange -> credentials.convert(exchange).map(token -> {
            UsernamePasswordAuthenticationToken withAddress = UsernamePasswordAuthenticationToken.unauthenticated(
                    token.getPrincipal(), token.getCredentials());
            withAddress.setDetails(ClientAddresses.of(exchange.getRequest()));
            return withAddress;
        }));
        basic.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        basic.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return basic;
    }

    private static Mono<CallerAuthentication> caller(Sessions sessions, Jwt token) {
        String session = token.getClaimAsString(Tokens.SESSION_CLAIM);
        if (session == null || token.getSubject() == null || !token.getSubject().matches("[0-9]{1,18}")) {
            return Mono.error(new InvalidBearerTokenException("the token names no session"));
        }
        UUID id;
        try {
            id = UUID.fromString(session);
        } catch (IllegalArgumentException notAUuid) {
            return Mono.error(new InvalidBearerTokenException("the token names no session"));
        }
        return sessions.callerOf(id, Long.parseLong(token.getSubject()))
                .map(caller -> new CallerAuthentication(caller, token))
                .onErrorMap(AccessRefusedException.class, SignInAuthenticationManager.Refused::new);
    }

    /** What a failed or missing sign-in answers: the refusal's own (wrong password, locked, revoked) or a challenge. */
    private static Throwable answer(AuthenticationException e, ServerHttpRequest request) {
        if (e instanceof SignInAuthenticationManager.Refused refused) {
            return refused.answer();
        }
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer", 0, 6)) {
            return new AccessRefusedException(401, Map.of(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"jingsai\", error=\"invalid_token\""), "token.invalid");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)) {
            return new AccessRefusedException(401, Map.of(HttpHeaders.WWW_AUTHENTICATE, SignIn.BASIC_CHALLENGE),
                    "signIn.failed");
        }
        return new ResponseStatusException(HttpStatus.UNAUTHORIZED) {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.WWW_AUTHENTICATE, SignIn.BASIC_CHALLENGE);
                return headers;
            }
        };
    }
}
