package vn.baovetreem.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;
import vn.baovetreem.common.error.Causes;
import vn.baovetreem.testing.FakeClock;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How long an identity is kept: until the recheck is due or its token expires, whichever comes
 * first; and how many: never more than the bound, stale ones giving way to new ones. A token in use
 * is verified again, once at a time, in the last quarter of its recheck time, while its kept
 * identity still answers. A token not kept is verified once for all the requests that send it
 * meanwhile, and a verification that waited the whole request timeout fails as an outage.
 */
class KeptIdentitiesTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-12-02T00:00:00Z"));

    private final KeptIdentities kept = new KeptIdentities(clock, Duration.ofSeconds(20), 2, Duration.ofSeconds(5));

    @Test
    void anIdentityIsKeptUntilItsRecheckIsDue() {
        SecurityIdentity identity = identity("commune.yenphuc");
        kept.keep("token-a", identity, clock.instant().plusSeconds(300));

        clock.advance(19);
        assertThat(kept.find("token-a").getPrincipal()).isSameAs(identity.getPrincipal());
        assertThat(kept.find("token-b")).isNull();
        clock.advance(1);
        assertThat(kept.find("token-a")).isNull();
    }

    @Test
    void neverAfterItsTokenExpires() {
        kept.keep("token-a", identity("commune.yenphuc"), clock.instant().plusSeconds(5));
        clock.advance(5);
        assertThat(kept.find("token-a")).isNull();

        kept.keep("token-b", identity("commune.yenphuc"), clock.instant());
        assertThat(kept.find("token-b")).isNull();
    }

    @Test
    void aFullStoreMakesRoomFromStaleIdentitiesOnlyAndKeepsNoMore() {
        kept.keep("token-a", identity("a"), clock.instant().plusSeconds(300));
        clock.advance(10);
        kept.keep("token-b", identity("b"), clock.instant().plusSeconds(300));

        kept.keep("token-c", identity("c"), clock.instant().plusSeconds(300));
        assertThat(kept.find("token-c")).isNull();
        assertThat(kept.find("token-a")).isNotNull();

        clock.advance(10);
        kept.keep("token-c", identity("c"), clock.instant().plusSeconds(300));
        assertThat(kept.find("token-c")).isNotNull();
        assertThat(kept.find("token-b")).isNotNull();
        assertThat(kept.find("token-a")).isNull();
    }

    @Test
    void anIdentityIsKeptWithoutTheRequestItWasVerifiedInAndWithAllElse() {
        Object request = new Object();
        SecurityIdentity verified = QuarkusSecurityIdentity.builder().setPrincipal(() -> "commune.yenphuc")
                .addRole("commune").addCredential(new AccessTokenCredential("token-a")).addPermissionAsString("read")
                .addAttribute(RoutingContext.class.getName(), request).addAttribute("tenant-id", "Default").build();

        SecurityIdentity kept = KeptIdentities.detached(verified);
        assertThat(kept.getAttributes()).containsEntry(RoutingContext.class.getName(), null).containsEntry("tenant-id", "Default");
        assertThat(kept.getPrincipal()).isSameAs(verified.getPrincipal());
        assertThat(kept.getRoles()).containsExactly("commune");
        assertThat(kept.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("token-a");
        assertThat(kept.checkPermissionBlocking(new StringPermission("read"))).isTrue();
        assertThat(kept.checkPermissionBlocking(new StringPermission("write"))).isFalse();
    }

    @Test
    void theTokenIsReadFromABearerHeaderAsQuarkusOidcReadsIt() {
        assertThat(KeptIdentities.bearerToken("Bearer token-a")).isEqualTo("token-a");
        assertThat(KeptIdentities.bearerToken("bearer token-a")).isEqualTo("token-a");
        assertThat(KeptIdentities.bearerToken("BEARER token-a")).isEqualTo("token-a");
        assertThat(KeptIdentities.bearerToken("Bearer  token-a")).as("not the token, so not found").isEqualTo(" token-a");
        assertThat(KeptIdentities.bearerToken("Basic token-a")).isNull();
        assertThat(KeptIdentities.bearerToken("Bearers token-a")).isNull();
        assertThat(KeptIdentities.bearerToken(" Bearer token-a")).isNull();
        assertThat(KeptIdentities.bearerToken("Bearer")).isNull();
        assertThat(KeptIdentities.bearerToken("token-a")).isNull();
        assertThat(KeptIdentities.bearerToken(null)).isNull();
    }

    @Test
    void noTokenFindsNothing() {
        kept.keep("token-a", identity("a"), clock.instant().plusSeconds(300));
        assertThat(kept.find(null)).isNull();
        assertThat(kept.find(KeptIdentities.bearerToken("Bearer  token-a"))).isNull();
        assertThat(kept.find(KeptIdentities.bearerToken("bearer token-a"))).isNotNull();
    }

    @Test
    void aTokenInUseIsVerifiedAgainOnceInTheLastQuarterOfItsRecheckTimeAndKeptAnew() {
        SecurityIdentity first = identity("commune.yenphuc");
        kept.keep("token-a", first, clock.instant().plusSeconds(300));
        Verifications verifications = new Verifications();

        clock.advance(14);
        assertThat(kept.identityFor("token-a", verifications).getPrincipal()).isSameAs(first.getPrincipal());
        assertThat(verifications.started).isEmpty();

        clock.advance(1);
        assertThat(kept.identityFor("token-a", verifications).getPrincipal()).as("answered while verified")
                .isSameAs(first.getPrincipal());
        assertThat(kept.identityFor("token-a", verifications).getPrincipal()).isSameAs(first.getPrincipal());
        assertThat(verifications.started).as("one at a time").hasSize(1);

        SecurityIdentity second = identity("commune.yenphuc");
        kept.keep("token-a", second, clock.instant().plusSeconds(300)); // what Keeper does with the verified identity
        verifications.started.getFirst().complete(second);
        clock.advance(19);
        assertThat(kept.identityFor("token-a", verifications).getPrincipal()).as("kept 20 s from the verification")
                .isSameAs(second.getPrincipal());
        assertThat(verifications.started).hasSize(2);
        clock.advance(1);
        assertThat(kept.find("token-a")).isNull();
    }

    @Test
    void aTokenThatFailsItsVerificationIsNoLongerKept() {
        kept.keep("token-a", identity("commune.yenphuc"), clock.instant().plusSeconds(300));
        Verifications verifications = new Verifications();
        clock.advance(15);
        assertThat(kept.identityFor("token-a", verifications)).isNotNull();

        verifications.started.getFirst().completeExceptionally(new AuthenticationFailedException());
        assertThat(kept.find("token-a")).isNull();
        assertThat(kept.identityFor("token-a", verifications)).isNull();
        assertThat(verifications.started).hasSize(1);
    }

    @Test
    void anIdentityKeptUntilItsTokenExpiresIsNotVerifiedAgain() {
        kept.keep("token-a", identity("commune.yenphuc"), clock.instant().plusSeconds(10));
        Verifications verifications = new Verifications();
        clock.advance(9);
        assertThat(kept.identityFor("token-a", verifications)).isNotNull();
        assertThat(verifications.started).isEmpty();
    }

    @Test
    void aTokenIsKeptAnewOnlyForLonger() {
        SecurityIdentity first = identity("a");
        kept.keep("token-a", first, clock.instant().plusSeconds(300));
        kept.keep("token-a", identity("b"), clock.instant().plusSeconds(10));
        assertThat(kept.find("token-a").getPrincipal()).isSameAs(first.getPrincipal());

        clock.advance(5);
        SecurityIdentity later = identity("c");
        kept.keep("token-a", later, clock.instant().plusSeconds(300));
        clock.advance(19);
        assertThat(kept.find("token-a").getPrincipal()).isSameAs(later.getPrincipal());
    }

    @Test
    void aTokenNotKeptIsVerifiedOnceForAllTheRequestsThatSendItMeanwhile() {
        Verifications verifications = new Verifications();
        Uni<SecurityIdentity> first = kept.verified("token-a", verifications);
        Uni<SecurityIdentity> second = kept.verified("token-a", verifications);
        kept.verified("token-b", verifications);
        assertThat(verifications.started).as("one for token-a, one for token-b").hasSize(2);

        SecurityIdentity identity = identity("commune.yenphuc");
        verifications.started.getFirst().complete(identity);
        assertThat(first.await().indefinitely()).isSameAs(identity);
        assertThat(second.await().indefinitely()).isSameAs(identity);
        assertThat(verifications.started.get(1)).as("token-b's, still under way").isNotDone();

        kept.verified("token-a", verifications);
        assertThat(verifications.started).as("a verification ended is not reused").hasSize(3);
    }

    @Test
    void aVerificationThatWaitedTheWholeRequestTimeoutFailsAsAnOutageAndOneRefusedSoonerAsARefusal() {
        Verifications verifications = new Verifications();
        Uni<SecurityIdentity> unanswered = kept.verified("token-a", verifications);
        clock.advance(5);
        AuthenticationFailedException withoutCause = new AuthenticationFailedException();
        verifications.started.getFirst().completeExceptionally(withoutCause);
        assertThatThrownBy(() -> unanswered.await().indefinitely())
                .satisfies(f -> assertThat(IdentityProviderWaits.outage(f)).as("an outage").isPresent())
                .satisfies(f -> assertThat(Causes.of(f)).as("Quarkus OIDC's failure kept").contains(withoutCause));

        Uni<SecurityIdentity> refused = kept.verified("token-a", verifications);
        clock.advance(4);
        verifications.started.get(1).completeExceptionally(withoutCause);
        assertThatThrownBy(() -> refused.await().indefinitely()).isSameAs(withoutCause)
                .satisfies(f -> assertThat(IdentityProviderWaits.outage(f)).as("a bad token").isEmpty());
    }

    @Test
    void aRequestWhoseTokenWentStaleWhileItWasVerifiedAgainAwaitsThatVerification() {
        kept.keep("token-a", identity("commune.yenphuc"), clock.instant().plusSeconds(300));
        Verifications verifications = new Verifications();
        clock.advance(15);
        assertThat(kept.identityFor("token-a", verifications)).isNotNull();
        clock.advance(5);
        assertThat(kept.identityFor("token-a", verifications)).as("stale").isNull();

        Uni<SecurityIdentity> waiting = kept.verified("token-a", verifications);
        assertThat(verifications.started).hasSize(1);
        SecurityIdentity renewed = identity("commune.yenphuc");
        verifications.started.getFirst().complete(renewed);
        assertThat(waiting.await().indefinitely()).isSameAs(renewed);
    }

    /** Verifications started by {@link KeptIdentities}, each ended by the test. */
    private static final class Verifications implements Function<String, Uni<SecurityIdentity>> {
        final List<CompletableFuture<SecurityIdentity>> started = new ArrayList<>();

        @Override
        public Uni<SecurityIdentity> apply(String token) {
            CompletableFuture<SecurityIdentity> verification = new CompletableFuture<>();
            started.add(verification);
            return Uni.createFrom().completionStage(verification);
        }
    }

    private static SecurityIdentity identity(String name) {
        Principal principal = () -> name;
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }
}
