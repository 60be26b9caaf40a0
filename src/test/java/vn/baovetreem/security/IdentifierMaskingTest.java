package vn.baovetreem.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierMaskingTest {

    private static CurrentUser.Resolved with(Set<Role> roles) {
        return new CurrentUser.Resolved("s", "u", "c", roles, null, Scope.of(java.util.List.of("20")));
    }

    @Test
    void onlyADistrictRoleWithoutAnotherThatSeesIdentifiersIsMasked() {
        assertThat(IdentifierMasking.appliesTo(with(EnumSet.of(Role.DISTRICT)))).isTrue();
        assertThat(IdentifierMasking.appliesTo(with(EnumSet.of(Role.DISTRICT, Role.COMMUNE)))).isFalse();
        assertThat(IdentifierMasking.appliesTo(with(EnumSet.of(Role.COMMUNE)))).isFalse();
        assertThat(IdentifierMasking.appliesTo(with(EnumSet.of(Role.ADMIN)))).isFalse();
    }

    @Test
    void identifiersKeepTheirLastTwoCharacters() {
        assertThat(IdentifierMasking.identifier("020215012345")).isEqualTo("**********45");
        assertThat(IdentifierMasking.identifier("12345")).isEqualTo("*****");
        assertThat(IdentifierMasking.identifier(null)).isNull();
    }

    @Test
    void statesAreMaskedAtAnyDepth() throws Exception {
        JsonNode state = new ObjectMapper().readTree("""
                {"fullName":"Hoàng Văn An","personalId":"020215012345","address":"Nhà số 12",
                 "caregivers":[{"name":"Mai","phone":"0912345678"}],"record":{"healthInsuranceCard":"TE1202012345678"}}""");
        IdentifierMasking.maskTree(state);
        assertThat(state.path("fullName").asText()).isEqualTo("Hoàng Văn An");
        assertThat(state.path("personalId").asText()).isEqualTo("**********45");
        assertThat(state.path("address").asText()).isEqualTo("***");
        assertThat(state.path("caregivers").get(0).path("phone").asText()).isEqualTo("********78");
        assertThat(state.path("record").path("healthInsuranceCard").asText()).isEqualTo("*************78");
    }
}
