package vn.baovetreem.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.OAuthFlow;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points the contract's {@code keycloak} sign-in scheme at the Keycloak this service is configured
 * with ({@code quarkus.oidc.auth-server-url}), so that Swagger UI's "Authorize" signs people in
 * there. The file in {@code openapi/} names the demo realm of the local run; nothing else of the
 * served document differs from it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class ContractSignIn implements OASFilter {

    static final String SCHEME = "keycloak";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SecurityScheme scheme = openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null ? null
                : openAPI.getComponents().getSecuritySchemes().get(SCHEME);
        if (scheme == null || scheme.getFlows() == null || scheme.getFlows().getAuthorizationCode() == null) {
            return;
        }
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class).replaceAll("/+$", "");
        OAuthFlow flow = scheme.getFlows().getAuthorizationCode();
        flow.setAuthorizationUrl(realm + "/protocol/openid-connect/auth");
        flow.setTokenUrl(realm + "/protocol/openid-connect/token");
        flow.setRefreshUrl(realm + "/protocol/openid-connect/token");
    }
}
