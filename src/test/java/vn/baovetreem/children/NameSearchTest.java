package vn.baovetreem.children;

import org.junit.jupiter.api.Test;
import vn.baovetreem.security.Scope;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query of name search: a prefix match per word, and the caller's units (and the unit a list
 * asks for) as terms the same index answers, so a commune's search never walks the province.
 */
class NameSearchTest {

    @Test
    void eachWordIsAPrefixAndTheCallersUnitsAreOneOfManyTerm() {
        Scope commune = Scope.of(List.of("20.184.06298", "20.184.06283"), List.of("20.184.06283.06283_09"));
        assertThat(NameSearch.query(List.of("thuy", "h"), commune, null))
                .isEqualTo("'thuy':* & 'h':* & ('@06298' | '@06283')");
    }

    @Test
    void aListsUnitNarrowsFurtherAndTheAdministratorsScopeAddsNothing() {
        assertThat(NameSearch.query(List.of("an"), Scope.everything(), Scope.of(List.of("20.184.06283.06283_01"))))
                .isEqualTo("'an':* & ('@06283_01')");
    }

    @Test
    void aProvinceNarrowsOnlyASearchWithAWordOfOneOrTwoLetters() {
        Scope province = Scope.of(List.of("99"));
        assertThat(NameSearch.query(List.of("thuy", "nguyen"), province, null)).isEqualTo("'thuy':* & 'nguyen':*");
        assertThat(NameSearch.query(List.of("thuy", "tr"), province, null)).isEqualTo("'thuy':* & 'tr':* & ('@99')");
        assertThat(NameSearch.query(List.of(), province, null)).isEqualTo("('@99')");
    }

    @Test
    void aGroupOfUnitsWithAProvinceAmongThemIsLeftOutWhole() {
        Scope mixed = Scope.of(List.of("99", "20.06283"));
        assertThat(NameSearch.query(List.of("thuy"), mixed, Scope.of(List.of("99.99001"))))
                .isEqualTo("'thuy':* & ('@99001')");
    }

    @Test
    void quotesAndBackslashesStayInsideTheirWord() {
        assertThat(NameSearch.query(List.of("o'neil", "a\\b", "x&y|!z"), Scope.everything(), null))
                .isEqualTo("'o''neil':* & 'a\\\\b':* & 'x&y|!z':*");
    }

    @Test
    void provincesAndCommunesAreSearchedInTheirOwnListsAndDeeperUnitsInTheNameIndex() {
        Scope province = Scope.of(List.of("99"));
        Scope communes = Scope.of(List.of("99.99002", "99.99001"));
        assertThat(NameSearch.listKeys(province, null)).containsExactly("99");
        assertThat(NameSearch.listKeys(communes, null)).containsExactly("99.99001", "99.99002");
        assertThat(NameSearch.listKeys(Scope.of(List.of("99", "20.06298")), null)).as("a province among them").containsExactly("20", "99");
        assertThat(NameSearch.listKeys(province, Scope.of(List.of("99.99001")))).as("the narrower chooses").containsExactly("99.99001");
        assertThat(NameSearch.listKeys(communes, province)).containsExactly("99.99001", "99.99002");
        assertThat(NameSearch.listKeys(Scope.everything(), province)).containsExactly("99");
        assertThat(NameSearch.listKeys(Scope.everything(), null)).as("every province at once").isEmpty();
        assertThat(NameSearch.listKeys(Scope.of(List.of("99.99001.99001_01")), null)).as("a village").isEmpty();
        assertThat(NameSearch.listKeys(province, Scope.of(List.of("99.99001.99001_01")))).isEmpty();
    }

    @Test
    void aWordBeginsEveryTextFromItselfUpToTheNextWordOfItsLength() {
        assertThat(NameSearch.after("h")).isEqualTo("i");
        assertThat(NameSearch.after("nguyen")).isEqualTo("nguyeo");
        assertThat(NameSearch.after("a\uD7FF")).as("past the surrogates").isEqualTo("a\uE000");
        assertThat(NameSearch.after("a" + Character.toString(0x1F600))).isEqualTo("a" + Character.toString(0x1F601));
        assertThat(NameSearch.after("a" + Character.toString(Character.MAX_CODE_POINT))).isEqualTo("b");
    }
}
