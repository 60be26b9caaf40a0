import org.openapitools.client.ApiClient;
import org.openapitools.client.api.ImportsApi;
import org.openapitools.client.api.IndicatorsApi;
import org.openapitools.client.model.IndicatorValues;

import java.io.File;
import java.nio.file.Files;

/**
 * Downloads through the generated Java client what a district system downloads: the Circular 13
 * export as typed JSON and as files, and an import template. Run by generate-clients.sh with the
 * service's base URL and an access token; fails on the first file that is not what it claims.
 */
public class Downloads {

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(args[0] + "/api/v1");
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + args[1]));
        IndicatorsApi indicators = new IndicatorsApi(client);
        ImportsApi imports = new ImportsApi(client);

        IndicatorValues values = (IndicatorValues) indicators.exportCircular13(IndicatorsApi.APIExportCircular13Request.newBuilder()
                .unit("06298").period("2025").build()).getActualInstance();
        System.out.println("Java: export as JSON, " + values.getIndicators().size() + " indicators");
        for (String format : new String[] {"xlsx", "csv", "dhis2"}) {
            check("export " + format, indicators.downloadCircular13(IndicatorsApi.APIDownloadCircular13Request.newBuilder()
                    .unit("06298").period("2025").format(format).build()), format);
        }
        for (String format : new String[] {"xlsx", "csv"}) {
            check("children template " + format, imports.getImportTemplate(ImportsApi.APIGetImportTemplateRequest.newBuilder()
                    .kind("children").format(format).build()), format);
        }
    }

    private static void check(String what, File file, String format) throws Exception {
        byte[] bytes = Files.readAllBytes(file.toPath());
        String start = new String(bytes, 0, Math.min(bytes.length, 4), java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean ok = switch (format) {
            case "xlsx" -> start.startsWith("PK");
            case "csv" -> start.startsWith("\u00EF\u00BB\u00BF");
            default -> start.startsWith("{");
        };
        if (!ok) {
            throw new IllegalStateException(what + " is not a " + format + " file: " + file);
        }
        System.out.println("Java: " + what + ", " + bytes.length + " bytes in " + file.getName());
    }
}
