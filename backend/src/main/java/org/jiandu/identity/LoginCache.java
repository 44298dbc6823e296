package org.jiandu.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Logins this node verified lately. A client of {@code /api} or {@code /engine-rest} sends its password with every
 * request (HTTP Basic, no session); checking it and reading the caller's account, organisation and roles took five
 * statements in a transaction of its own and two engine commands, about half of a small request's time. A login is
 * remembered with the {@link IdentityEpoch} it was verified under and is used again only while that version holds
 * (one indexed read a request) and for at most {@code jiandu.login.remember} (5 minutes; {@code 0s}: never): any
 * change to who a user is, on any node and through any door, ends it when the change commits.
 *
 * <p>What is kept of the password is an HMAC under a key made at random when the node starts and never stored. Only
 * accepted passwords are remembered: a wrong one always goes to the engine's check, which counts it (and raises the
 * version, so a lock or a delay after wrong passwords holds for the remembered login too).
 */
@Component
public class LoginCache {

    private final IdentityEpoch epoch;
    private final long rememberNanos;
    private final SecretKeySpec key;
    /** At most one per account (its last accepted password): the map is as large as the accounts in use. */
    private final ConcurrentMap<String, Remembered> logins = new ConcurrentHashMap<>();

    LoginCache(IdentityEpoch epoch, @Value("${jiandu.login.remember:PT5M}") Duration remember) {
        this.epoch = epoch;
        this.rememberNanos = remember.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The version to look up and remember logins under: read once per request, before the login. */
    public long version() {
        return rememberNanos > 0 ? epoch.current() : 0;
    }

    /** The user of a login accepted under this version, lately enough; empty: verify it. */
    public Optional<CurrentUser> find(String userId, String password, long version) {
        Remembered login = rememberNanos > 0 ? logins.get(userId) : null;
        if (login == null || login.version() != version || System.nanoTime() - login.since() > rememberNanos
                || !MessageDigest.isEqual(login.proof(), proof(userId, password))) {
            return Optional.empty();
        }
        return Optional.of(login.user());
    }

    /** Remembers a login just accepted, under the version read before it was verified. */
    public void remember(String userId, String password, long version, CurrentUser user) {
        if (rememberNanos > 0) {
            logins.put(userId, new Remembered(proof(userId, password), version, System.nanoTime(), user));
        }
    }

    private byte[] proof(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private record Remembered(byte[] proof, long version, long since, CurrentUser user) {
    }
}
