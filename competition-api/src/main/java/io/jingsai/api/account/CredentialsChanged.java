package io.jingsai.api.account;

/**
 * An account's password changed or was reset, or its grants changed: whatever remembered its credentials or its
 * rights must forget them (published after the change is committed).
 */
public record CredentialsChanged(long accountId, String username) {
}
