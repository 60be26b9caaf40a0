package vn.baovetreem.common;

import org.junit.jupiter.api.Test;
import vn.baovetreem.common.text.Texts;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void searchKeyIgnoresDiacriticsAndCaseSoPlainTypingFindsVietnameseNames() {
        assertThat(Texts.fold("Nguyễn Văn An")).isEqualTo("nguyen van an");
        assertThat(Texts.fold("ĐIỀM HE")).isEqualTo("diem he");
        assertThat(Texts.fold("  An   Sơn ")).isEqualTo("an son");
    }

    @Test
    void decomposedInputIsStoredAsNfc() {
        String decomposed = Normalizer.normalize("Ích Hữu", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo("Ích Hữu");
        assertThat(Texts.clean(" " + decomposed + " ")).isEqualTo("Ích Hữu");
        assertThat(Texts.fold(decomposed)).isEqualTo("ich huu");
    }

    @Test
    void cleaningTrimsAndCollapsesWhitespaceAndLeavesCleanTextAsItIs() {
        assertThat(Texts.clean("Hoàng Văn An")).isEqualTo("Hoàng Văn An");
        assertThat(Texts.clean("Hoàng  Văn\tAn")).isEqualTo("Hoàng Văn An");
        assertThat(Texts.clean("Hoàng\r\nVăn An ")).isEqualTo("Hoàng Văn An");
        assertThat(Texts.clean("\u0001An")).isEqualTo("An");
        assertThat(Texts.clean("A")).isEqualTo("A");
        assertThat(Texts.clean(" ")).isEmpty();
        assertThat(Texts.clean("")).isEmpty();
    }

    @Test
    void nullStaysNull() {
        assertThat(Texts.clean(null)).isNull();
        assertThat(Texts.fold(null)).isNull();
    }

    @Test
    void nulAndUnpairedSurrogatesAreTheTextTheRegistryCannotStore() {
        assertThat(Texts.firstUnstorable("Nguyễn Văn An 😀")).isEqualTo(-1);
        assertThat(Texts.firstUnstorable("An\u0000")).isEqualTo(2);
        assertThat(Texts.firstUnstorable("a\ud800b")).isEqualTo(1);
        assertThat(Texts.firstUnstorable("\udc00")).isZero();
        assertThat(Texts.firstUnstorable("x\ud83d")).isEqualTo(1);
        assertThat(Texts.unstorableReason("An\u0000", 2)).contains("NUL");
        assertThat(Texts.unstorableReason("a\ud800b", 1)).contains("U+D800");
        assertThat(Texts.storable("a\u0000b\ud800 😀")).isEqualTo("a\uFFFDb\uFFFD 😀");
        assertThat(Texts.storable("clean")).isEqualTo("clean");
    }
}
