package io.jingsai.api.account;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jingsai.api.account.AccountCommands.AccountCommand;
import io.jingsai.api.account.AccountCommands.GrantCommand;
import io.jingsai.api.account.AccountCommands.JudgeAccountsCommand;
import io.jingsai.api.account.AccountCommands.PasswordChange;
import io.jingsai.api.account.AccountViews.AccountPage;
import io.jingsai.api.account.AccountViews.AccountView;
import io.jingsai.api.account.AccountViews.NewAccount;
import io.jingsai.api.account.AccountViews.NewAccounts;
import io.jingsai.api.shared.AccessRefusedException;
import io.jingsai.api.shared.ConflictException;
import io.jingsai.api.shared.ExistingReferences;
import io.jingsai.api.shared.NotFoundException;
import io.jingsai.api.shared.RejectedRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accounts: created by administrators and organizers (within {@link AccountAccess}) with a one-time password that
 * must be changed at first sign-in, listed, reset, and each caller's own. A password change or reset ends the
 * account's sessions and is announced ({@link CredentialsChanged}) so that nothing remembers the old one.
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    static final String JUDGE_USERNAME_PREFIX = "judge-";

    private final AccountStore store;
    private final AccountAccess access;
    private final Passwords passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AccountService(AccountStore store, AccountAccess access, Passwords passwords, Clock clock,
                   ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    Mono<AccountView> own(Caller caller) {
        return view(caller.accountId());
    }

    Mono<Void> changePassword(Caller caller, PasswordChange change) {
        return store.byId(caller.accountId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("account", caller.accountId())))
                .flatMap(account -> passwords.matches(change.currentPassword(), account.passwordHash())
                        .flatMap(right -> right ? Mono.just(account)
                                : Mono.error(RejectedRequestException.of("currentPassword", "password.current"))))
                .flatMap(account -> change.newPassword().equals(change.currentPassword())
                        ? Mono.error(RejectedRequestException.of("newPassword", "password.unchanged"))
                        : passwords.hash(change.newPassword()).flatMap(hash -> replacePassword(account, hash, false)))
                .doOnSuccess(done -> log.info("Password changed by '{}' (account {})", caller.username(),
                        caller.accountId()));
    }

    @Transactional
    Mono<NewAccount> create(Caller caller, AccountCommand command) {
        List<Grant> asked = command.grants().stream().map(GrantCommand::grant).toList();
        String initial = passwords.generate();
        return access.mayGrant(caller, asked)
                .flatMap(grants -> requireJudge(command.judgeId()).thenReturn(grants))
                .flatMap(grants -> passwords.hash(initial)
                        .flatMap(hash -> store.insert(command.username(), command.displayName(), command.judgeId(),
                                hash, true, caller.username(), clock.instant()))
                        .flatMap(id -> Flux.fromIterable(grants)
                                .concatMap(grant -> store.addGrant(id, grant, clock.instant())).then(view(id))))
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(command.judgeId() != null))
                .doOnNext(created -> log.info("Account {} created by '{}' with {}", created.id(), caller.username(),
                        created.grants()))
                .map(created -> new NewAccount(created, initial));
    }

    /** Accounts for judges of the registry, all in one transaction. */
    @Transactional
    public Mono<NewAccounts> createForJudges(Caller caller, JudgeAccountsCommand command) {
        Grant asked = new Grant(command.role(), null, command.eventId(), null);
        List<Long> judgeIds = command.judgeIds().stream().distinct().toList();
        return access.mayGrant(caller, List.of(asked), "").map(grants -> grants.get(0))
                .flatMap(grant -> requireJudges(judgeIds, "judgeIds").thenReturn(grant))
                .flatMapMany(grant -> Flux.fromIterable(judgeIds).concatMap(judge -> forJudge(caller, judge, grant)))
                .collectList()
                .onErrorMap(DuplicateKeyException.class, e -> duplicate(false))
                .map(NewAccounts::new);
    }

    private Mono<NewAccount> forJudge(Caller caller, long judgeId, Grant grant) {
        return store.byJudge(judgeId)
                .flatMap(existing -> store.addGrant(existing.id(), grant, clock.instant())
                        .then(Mono.fromRunnable(() -> changed(existing.id(), existing.username())))
                        .then(view(existing.id()))
                        .map(view -> new NewAccount(view, null)))
                .switchIfEmpty(Mono.defer(() -> {
                    String initial = passwords.generate();
                    return store.judgeName(judgeId)
                            .flatMap(name -> passwords.hash(initial).flatMap(hash -> store.insert(
                                    JUDGE_USERNAME_PREFIX + judgeId, name, judgeId, hash, true, caller.username(),
                                    clock.instant())))
                            .flatMap(id -> store.addGrant(id, grant, clock.instant()).then(view(id)))
                            .map(view -> new NewAccount(view, initial));
                }));
    }

    Mono<AccountPage> list(Caller caller, int page, int size) {
        boolean everyone = caller.isAdmin();
        List<Long> programmes = access.organizedProgrammes(caller);
        return store.count(programmes, everyone)
                .flatMap(total -> store.page(programmes, everyone, size, (long) page * size)
                        .concatMap(account -> store.grants(account.id()).collectList()
                                .map(grants -> AccountView.of(account, grants)))
                        .collectList()
                        .map(items -> new AccountPage(items, total, page, size)));
    }

    Mono<AccountView> find(Caller caller, long id) {
        return view(id).filter(found -> access.maySee(caller, id, found.grants()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("account", id)));
    }

    /** A new one-time password for the account; its sessions end. */
    Mono<NewAccount> resetPassword(Caller caller, long id) {
        String initial = passwords.generate();
        return find(caller, id)
                .filter(found -> access.mayReset(caller, id, found.grants()))
                .switchIfEmpty(Mono.error(() -> AccessRefusedException.forbidden(
                        "account.resetRefused")))
                .flatMap(found -> store.byId(id))
                .flatMap(account -> passwords.hash(initial).flatMap(hash -> replacePassword(account, hash, true)))
                .then(view(id))
                .doOnNext(reset -> log.info("Password of account {} reset by '{}'", id, caller.username()))
                .map(reset -> new NewAccount(reset, initial));
    }

    private Mono<Void> replacePassword(AccountStore.StoredAccount account, String hash, boolean changeRequired) {
        return store.setPassword(account.id(), hash, changeRequired, clock.instant())
                .then(store.revokeSessionsOf(account.id(), clock.instant()))
                .then(Mono.fromRunnable(() -> changed(account.id(), account.username())));
    }

    private void changed(long accountId, String username) {
        events.publishEvent(new CredentialsChanged(accountId, username));
    }

    private Mono<AccountView> view(long id) {
        return store.byId(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("account", id)))
                .flatMap(account -> store.grants(id).collectList().map(grants -> AccountView.of(account, grants)));
    }

    private Mono<Void> requireJudge(Long judgeId) {
        return judgeId == null ? Mono.empty() : requireJudges(List.of(judgeId), "judgeId");
    }

    private Mono<Void> requireJudges(List<Long> judgeIds, String field) {
        return store.existingJudges(judgeIds).collectList().flatMap(found -> {
            List<Long> missing = judgeIds.stream().filter(id -> !found.contains(id)).toList();
            return missing.isEmpty() ? Mono.empty() : Mono.error(new RejectedRequestException(missing.stream()
                    .map(id -> ExistingReferences.missing(field, "judge", id)).toList()));
        });
    }

    private static ConflictException duplicate(boolean judge) {
        return new ConflictException(judge ? "account.duplicateOrJudgeTaken" : "account.duplicate");
    }

}
