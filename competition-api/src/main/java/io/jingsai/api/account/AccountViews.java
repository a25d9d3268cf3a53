package io.jingsai.api.account;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** What the account endpoints answer. Password hashes never leave the service. */
public final class AccountViews {

    private AccountViews() {
    }

    @Schema(name = "Account")
    public record AccountView(long id, String username, String displayName, Long judgeId, List<Grant> grants,
                       boolean passwordChangeRequired, long version, Instant createdAt, Instant updatedAt) {

        static AccountView of(AccountStore.StoredAccount account, List<Grant> grants) {
            return new AccountView(account.id(), account.username(), account.displayName(), account.judgeId(),
                    grants, account.passwordChangeRequired(), account.version(), account.createdAt(),
                    account.updatedAt());
        }
    }

    @Schema(name = "NewAccount", description = "An account and, when one was generated, its one-time password: shown "
            + "this once, to be changed at first sign-in")
    public record NewAccount(AccountView account, String initialPassword) {
    }

    @Schema(name = "NewAccounts")
    public record NewAccounts(List<NewAccount> items) {
    }

    @Schema(name = "AccountPage")
    record AccountPage(List<AccountView> items, long total, int page, int size) {
    }

    @Schema(name = "Token", description = "A bearer token (send as Authorization: Bearer …), its lifetime in "
            + "seconds, and the refresh token for the next one")
    record TokenView(String accessToken, String tokenType, long expiresIn, String refreshToken,
                     long refreshExpiresIn, boolean passwordChangeRequired) {

        static TokenView of(Sessions.TokenPair pair) {
            return new TokenView(pair.accessToken(), pair.tokenType(), pair.expiresIn(), pair.refreshToken(),
                    pair.refreshExpiresIn(), pair.passwordChangeRequired());
        }
    }
}
