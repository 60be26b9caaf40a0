package vn.baovetreem.codelists;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A deployment replaces a list (here the risk categories) with its own file. */
class CodeListOverrideTest {

    @Test
    void listsOfTheOverrideFileReplaceTheShippedOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lists.json");
        Files.writeString(file, """
                {"version": "lang-son-1", "lists": [{"name": "risk-categories", "labelVi": "Nhóm nguy cơ",
                  "labelEn": "Risk categories", "source": "Provincial list",
                  "entries": [{"code": "FLOOD_ZONE", "labelVi": "Sống ở vùng lũ", "labelEn": "Lives in a flood zone"}]}]}""");

        CodeListCatalog shipped = new CodeListCatalog(new ObjectMapper(), Optional.empty());
        CodeListCatalog local = new CodeListCatalog(new ObjectMapper(), Optional.of(file));

        assertThat(shipped.contains("risk-categories", "LEFT_BEHIND")).isTrue();
        assertThat(local.contains("risk-categories", "LEFT_BEHIND")).isFalse();
        assertThat(local.contains("risk-categories", "FLOOD_ZONE")).isTrue();
        assertThat(local.contains("sexes", "FEMALE")).isTrue();
        assertThat(local.version()).isEqualTo(shipped.version() + "+lang-son-1");
    }
}
