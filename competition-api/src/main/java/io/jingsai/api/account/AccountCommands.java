package io.jingsai.api.account;

import java.util.List;

import io.jingsai.api.shared.CrossFieldRule;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The request bodies of the account and sign-in endpoints. */
public final class AccountCommands {

    private AccountCommands() {
    }

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{1,63}";

    @Schema(name = "SignIn", description = "A user name and password, for a bearer token",
            example = "{\"username\": \"admin\", \"password\": \"correct horse battery\"}")
    record SignInCommand(@NotBlank @Size(max = 64) String username,
                         @NotBlank @Size(max = Passwords.MAX_LENGTH) String password) {
    }

    @Schema(name = "Refresh", description = "The refresh token of the last sign-in or refresh (each works once)",
            example = "{\"refreshToken\": \"q4Ckf7c2nQ3z0vKx9b1yW8hT5mR6sP2eL0aJ3uN7dGo\"}")
    record RefreshCommand(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @Schema(name = "PasswordChange", description = "The current password and a new one (10 to 128 characters)",
            example = "{\"currentPassword\": \"one-time-3kd8\", \"newPassword\": \"a new long passphrase\"}")
    record PasswordChange(@NotBlank @Size(max = Passwords.MAX_LENGTH) String currentPassword,
                          @NotNull @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String newPassword) {
    }

    @Schema(name = "GrantRequest", description = "A role to grant: ORGANIZER needs programmeId, CHIEF_JUDGE and JUDGE "
            + "need eventId, ADMIN neither")
    record GrantCommand(@NotNull Role role, @Positive Long programmeId, @Positive Long eventId) {

        Grant grant() {
            return new Grant(role, programmeId, eventId, null);
        }
    }

    @Schema(name = "AccountRequest", description = "A new account with its roles; its password is generated, "
            + "answered once, and must be changed at first sign-in",
            example = "{\"username\": \"zhang.wei\", \"displayName\": \"张伟\", "
                    + "\"grants\": [{\"role\": \"JUDGE\", \"eventId\": 1}]}")
    record AccountCommand(@NotBlank @Pattern(regexp = USERNAME, message = "{username.format}") String username,
                          @Size(max = 100) String displayName,
                          @Positive Long judgeId,
                          @NotEmpty @Size(max = 20) List<@Valid @NotNull GrantCommand> grants) {
    }

    @Schema(name = "JudgeAccountsRequest", description = "Accounts for judges of the registry, all with one role on "
            + "one event: a judge without an account gets one (user name judge-<id>, a one-time password), one "
            + "with an account gets the role added",
            example = "{\"eventId\": 1, \"role\": \"JUDGE\", \"judgeIds\": [1, 2, 3]}")
    public record JudgeAccountsCommand(@NotNull @Positive Long eventId,
                                @NotNull Role role,
                                @ArraySchema(uniqueItems = true) @NotEmpty @Size(max = 200)
                                List<@NotNull @Positive Long> judgeIds) {

        @CrossFieldRule(field = "judgeIds", message = "{judgeIds.distinct}")
        @Schema(hidden = true)
        boolean isJudgeIdsDistinct() {
            return judgeIds == null || judgeIds.stream().distinct().count() == judgeIds.size();
        }
    }
}
