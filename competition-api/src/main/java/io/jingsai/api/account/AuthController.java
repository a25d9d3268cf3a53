package io.jingsai.api.account;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.AccountCommands.RefreshCommand;
import io.jingsai.api.account.AccountCommands.SignInCommand;
import io.jingsai.api.account.AccountViews.TokenView;
import io.jingsai.api.web.ClientAddresses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Sign-in", description = "Bearer tokens for the dashboard and judges' tablets: sign in, refresh, log out")
class AuthController {

    private final SignIn signIn;
    private final Sessions sessions;

    AuthController(SignIn signIn, Sessions sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @PostMapping("/api/auth/token")
    @SecurityRequirements
    @Operation(operationId = "signIn", summary = "Sign in for a bearer token",
            description = "Checks the user name and password and answers a short-lived bearer token (send it as "
                    + "Authorization: Bearer …) with a refresh token. A wrong name or password is a 401 (the same "
                    + "either way); after repeated failures for a name or from an address, sign-in is refused for a "
                    + "while with 429 and Retry-After. With a one-time password the token allows only changing it.")
    @ApiResponse(responseCode = "200", description = "Signed in", useReturnTypeSchema = true)
    Mono<TokenView> token(@Valid @RequestBody SignInCommand command, ServerHttpRequest request) {
        return signIn.check(command.username(), command.password(), ClientAddresses.of(request))
                .flatMap(sessions::open).map(TokenView::of);
    }

    @PostMapping("/api/auth/refresh")
    @SecurityRequirements
    @Operation(operationId = "refreshToken", summary = "A new bearer token for a refresh token",
            description = "Answers a new bearer token and a new refresh token; the refresh token sent stops working "
                    + "(each works once). An unknown, used, expired or revoked refresh token is a 401.")
    @ApiResponse(responseCode = "200", description = "Refreshed", useReturnTypeSchema = true)
    Mono<TokenView> refresh(@Valid @RequestBody RefreshCommand command) {
        return sessions.refresh(command.refreshToken()).map(TokenView::of);
    }

    @PostMapping("/api/auth/logout")
    @Operation(operationId = "logOut", summary = "End this sign-in",
            description = "Revokes the session of the bearer token sent: it and its refresh token stop working at "
                    + "once. With HTTP Basic there is no session, and nothing to end.")
    @ApiResponse(responseCode = "204", description = "Logged out")
    Mono<ResponseEntity<Void>> logout(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication().getCredentials() instanceof Jwt jwt
                        ? jwt.getClaimAsString(Tokens.SESSION_CLAIM) : null)
                .flatMap(session -> sessions.close(UUID.fromString(session)))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().<Void>build()));
    }
}
