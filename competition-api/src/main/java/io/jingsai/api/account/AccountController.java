package io.jingsai.api.account;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.jingsai.api.account.AccountCommands.AccountCommand;
import io.jingsai.api.account.AccountCommands.JudgeAccountsCommand;
import io.jingsai.api.account.AccountCommands.PasswordChange;
import io.jingsai.api.account.AccountViews.AccountPage;
import io.jingsai.api.account.AccountViews.AccountView;
import io.jingsai.api.account.AccountViews.NewAccount;
import io.jingsai.api.account.AccountViews.NewAccounts;
import io.jingsai.api.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts", description = "Accounts with roles scoped to programmes (organizers) and events (chief "
        + "judges, judges); one-time passwords; each caller's own account")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/account")
    @Operation(operationId = "getOwnAccount", summary = "The signed-in account",
            description = "The caller's account: user name, grants (roles with their programme or event) and whether "
                    + "the password must be changed first. Allowed while a password change is pending.")
    Mono<ResponseEntity<AccountView>> own(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return accounts.own(caller).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/api/account/password")
    @Operation(operationId = "changeOwnPassword", summary = "Change one's password",
            description = "Replaces the caller's password (10 to 128 characters) after checking the current one; "
                    + "a one-time password must be changed this way before anything else. Every bearer token and "
                    + "refresh token of the account stops working: sign in again.")
    @ApiResponse(responseCode = "204", description = "Changed")
    Mono<ResponseEntity<Void>> changePassword(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                              @Valid @RequestBody PasswordChange change) {
        return accounts.changePassword(caller, change).then(Mono.fromSupplier(() -> ResponseEntity.noContent()
                .<Void>build()));
    }

    @PostMapping("/api/accounts")
    @Operation(operationId = "createAccount", summary = "Create an account",
            description = "Creates an account with its grants and answers its one-time password, once. "
                    + "Administrators grant any role; organizers grant CHIEF_JUDGE and JUDGE on events of their "
                    + "programmes (403 otherwise). A user name already taken, or a judge that already has an account, "
                    + "is a 409.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    Mono<ResponseEntity<NewAccount>> create(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                            @Valid @RequestBody AccountCommand command) {
        return accounts.create(caller, command).map(created -> ResponseEntity
                .created(URI.create("/api/accounts/" + created.account().id())).body(created));
    }

    @PostMapping("/api/accounts/judges")
    @Operation(operationId = "createJudgeAccounts", summary = "Accounts for judges of the registry",
            description = "Gives each judge one role on one event, in one transaction: a judge without an account "
                    + "gets one (user name judge-<judge id>, the judge's name, a one-time password answered once); "
                    + "a judge with an account gets the role added (no password). Same scope rules as createAccount.")
    @ApiResponse(responseCode = "201", description = "Created or extended", useReturnTypeSchema = true)
    Mono<ResponseEntity<NewAccounts>> createForJudges(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                                      @Valid @RequestBody JudgeAccountsCommand command) {
        return accounts.createForJudges(caller, command).map(created -> ResponseEntity
                .created(URI.create("/api/accounts")).body(created));
    }

    @GetMapping("/api/accounts")
    @Operation(operationId = "listAccounts", summary = "Accounts, paged",
            description = "Administrators see every account; organizers the accounts with a grant in their "
                    + "programmes. Ordered by user name.")
    Mono<AccountPage> list(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return accounts.list(caller, page, size);
    }

    @GetMapping("/api/accounts/{id}")
    @Operation(operationId = "getAccount", summary = "One account",
            description = "The account with this id, if the caller may see it (404 otherwise, as if it did not "
                    + "exist).")
    Mono<ResponseEntity<AccountView>> find(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                           @PathVariable @Positive long id) {
        return accounts.find(caller, id).map(view -> ETags.ok(view, view.version()));
    }

    @PostMapping("/api/accounts/{id}/password-reset")
    @Operation(operationId = "resetAccountPassword", summary = "Give an account a new one-time password",
            description = "Sets a new one-time password, answered once, to be changed at the next sign-in; the "
                    + "account's tokens stop working. Administrators reset any account but their own; organizers "
                    + "the accounts that only judge events of their programmes (403 otherwise).")
    Mono<NewAccount> resetPassword(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                   @PathVariable @Positive long id) {
        return accounts.resetPassword(caller, id);
    }
}
