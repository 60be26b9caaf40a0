package vn.baovetreem.security;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Roles are read from a token's realm roles by their lower-case names, whatever the server's locale. */
class RoleTest {

    @Test
    void everyRoleIsReadByItsNameInTokensAndNoOtherName() {
        for (Role role : Role.values()) {
            assertThat(role.tokenName()).isEqualTo(role.name().toLowerCase(Locale.ROOT));
            assertThat(Role.fromToken(role.tokenName())).contains(role);
            assertThat(Role.fromToken(role.name())).isEmpty();
        }
        assertThat(Role.fromToken("offline_access")).isEmpty();
        assertThat(Role.fromToken(null)).isEmpty();
    }

    @Test
    void aTurkishServerReadsTheSameRoles() {
        // Lower-cased in the Turkish locale, "ADMIN" is "admın" (a dotless i).
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(Role.fromToken("admin")).contains(Role.ADMIN);
            assertThat(Role.fromToken("district")).contains(Role.DISTRICT);
            assertThat(Role.DISTRICT.tokenName()).isEqualTo("district");
        } finally {
            Locale.setDefault(before);
        }
    }
}
